// Labels for ticket values, Chinese with English, as the rest of the console.

export const TYPE = { inquiry: '咨询 Inquiry', complaint: '投诉 Complaint', return_exchange: '退换货 Return/exchange', logistics: '物流 Logistics', suggestion: '建议 Suggestion', other: '其他 Other' };
export const PRIORITY = { low: '低 Low', normal: '普通 Normal', high: '高 High', urgent: '紧急 Urgent' };
export const STATUS = { new: '新建 New', open: '处理中 Open', pending_customer: '待客户回复 Pending customer', resolved: '已解决 Resolved', closed: '已关闭 Closed' };
export const SOURCE = { left_message: '非工作时间留言 Left message', complaint: '聊天投诉 Complaint in chat', conversation: '会话转工单 From conversation', manual: '手工创建 By hand' };
export const SLA = { none: '—', running: '计时中 Running', warning: '即将超时 Warning', paused: '已暂停 Paused', breached: '已超时 Breached', met: '达标 Met', missed: '超时完成 Missed' };
export const STEP = { verify: '核实事实 Verify', analyse: '分析原因 Analyse', propose: '提出方案 Propose', agree: '与客户确认 Agree', track: '跟踪落实 Track', root_cause: '根因与改进 Root cause', review: '主管审核 Review', done: '已完成 Done' };
export const STEPS = ['verify', 'analyse', 'propose', 'agree', 'track', 'root_cause'];
export const ACTION = {
  created: '创建', updated: '修改', status: '状态', assigned: '分配', note: '备注', reply: '回复客户', first_response: '首次响应', linked: '关联会话',
  customer_wrote: '客户留言', complaint_step: '投诉步骤', review: '主管审核', sla_warning: 'SLA 预警', sla_breach: 'SLA 超时升级', survey_sent: '发送回访',
  survey_answered: '回访结果', survey_expired: '回访过期',
};
export const REVIEW = { pending: '待审核 Awaiting review', approved: '已批准 Approved', rejected: '已驳回 Rejected' };

/** Where a ticket may go next (the server checks again). */
export const NEXT = {
  new: ['open', 'pending_customer', 'resolved', 'closed'],
  open: ['pending_customer', 'resolved', 'closed'],
  pending_customer: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export function options(labels, selected) {
  return Object.entries(labels).map(([value, label]) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    if (value === selected) o.selected = true;
    return o;
  });
}
