// Small DOM helpers. Text always goes in through textContent: nothing a customer writes is ever parsed as HTML.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  return node;
}

export const $ = (id) => document.getElementById(id);

export function time(iso) {
  const d = new Date(iso);
  return d.toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

export function ago(iso) {
  const s = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (s < 60) return '刚刚';
  if (s < 3600) return `${Math.floor(s / 60)} 分钟前`;
  if (s < 86400) return `${Math.floor(s / 3600)} 小时前`;
  return `${Math.floor(s / 86400)} 天前`;
}

export const ROLE = { agent: '客服 Agent', supervisor: '主管 Supervisor', admin: '管理员 Admin' };
export const roleName = (role) => ROLE[role] || role;

export const STATUS = { bot: '机器人 Bot', queued: '排队中 Queued', agent: '人工 With agent', closed: '已结束 Closed' };
export const REASON = { request: '客户要求 Asked', fallbacks: '机器人答不上 Bot failed', complaint: '投诉 Complaint', order_check: '订单核实未通过 Order check failed' };

export function flash(text, kind = 'info') {
  const box = $('flash');
  box.textContent = text;
  box.dataset.kind = kind;
  box.hidden = false;
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => { box.hidden = true; }, 5000);
}
