import type { Ticket, TicketAction } from '../tickets/ticket-types.js';
import type { AlertService } from './alert-service.js';

/** SLA warnings and breaches, and complaints from chat (escalated to supervisors), as alerts. */
export function ticketAlerts(alerts: AlertService): (ticket: Ticket, action: TicketAction) => Promise<void> {
  return async (ticket, action) => {
    const ids = { ticketId: ticket.id, ticketNumber: ticket.number };
    const target = ticket.firstRespondedAt ? '解决' : '首次响应';
    const due = ticket.firstRespondedAt ? ticket.resolutionDueAt : ticket.firstResponseDueAt;
    if (action === 'sla_warning') {
      await alerts.raise({
        ...ids, kind: 'sla_warning', severity: 'warning', title: `SLA 预警：工单 ${ticket.number} 即将超时`,
        text: `工单 ${ticket.number}「${ticket.subject}」的${target}时限 ${due?.toISOString() ?? ''} 即将到期。`,
      });
    } else if (action === 'sla_breach') {
      await alerts.raise({
        ...ids, kind: 'sla_breach', severity: 'critical', title: `SLA 超时：工单 ${ticket.number} 已升级主管`,
        text: `工单 ${ticket.number}「${ticket.subject}」未在时限内完成（${ticket.firstResponseBreachedAt && !ticket.firstRespondedAt ? '首次响应' : '解决'}），已升级给主管处理。`,
      });
    } else if (action === 'created' && ticket.source === 'complaint') {
      await alerts.raise({
        ...ids, kind: 'escalation', severity: 'warning', title: `顾客投诉：工单 ${ticket.number}`,
        text: `聊天中识别到投诉，已登记投诉工单 ${ticket.number}，请主管关注。`,
      });
    }
  };
}
