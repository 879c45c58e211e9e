// Supervisors see escalated tickets counted on the console's link to tickets.
import { request } from './api.js';

async function escalations() {
  const found = await request('GET', '/api/tickets?escalated=true&status=new,open,pending_customer&limit=1');
  const link = document.getElementById('tickets-link');
  link.textContent = found.total > 0 ? `工单 Tickets（${found.total} 已升级 escalated）` : '工单 Tickets';
  link.dataset.escalated = String(found.total);
}

request('GET', '/api/auth/me').then((me) => {
  const supervisor = me.user.role === 'supervisor' || me.user.role === 'admin';
  document.getElementById('reports-link').hidden = !supervisor;
  if (!supervisor) return;
  escalations().catch(() => undefined);
  setInterval(() => escalations().catch(() => undefined), 30000);
}, () => undefined);
