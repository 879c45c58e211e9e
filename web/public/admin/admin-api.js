// The admin console's HTTP client: same-origin fetch with the session cookie and the CSRF token on every write.
let csrfToken = '';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function send(method, path, { json, raw, type } = {}) {
  const headers = { accept: 'application/json' };
  if (json !== undefined) headers['content-type'] = 'application/json';
  if (raw !== undefined) headers['content-type'] = type || 'text/plain';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const body = json !== undefined ? JSON.stringify(json) : raw;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body });
  let data = null;
  try { data = await res.json(); } catch { /* no body */ }
  if (res.status === 401) toLogin();
  if (!res.ok) {
    const error = (data && data.error) || { code: 'error', message: `HTTP ${res.status}` };
    throw new ApiError(res.status, error.code, error.message);
  }
  return data;
}

export function toLogin() {
  location.replace(`/console/login.html?next=${encodeURIComponent(`/admin/index.html${location.hash}`)}`);
}

/** The signed-in user, or null after sending the browser to the sign-in page. */
export async function whoAmI() {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (res.status === 401) {
    toLogin();
    return null;
  }
  const me = await res.json();
  csrfToken = me.csrfToken;
  return me.user;
}

const enc = encodeURIComponent;
const qs = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined)).toString();

export const api = {
  faqs: (filter) => send('GET', `/api/admin/faqs?${qs(filter)}`),
  faq: (id) => send('GET', `/api/admin/faqs/${enc(id)}`),
  create: (faq) => send('POST', '/api/admin/faqs', { json: faq }),
  update: (id, patch) => send('PUT', `/api/admin/faqs/${enc(id)}`, { json: patch }),
  remove: (id, expectedVersion) => send('DELETE', `/api/admin/faqs/${enc(id)}`, { json: { expectedVersion } }),
  history: (id) => send('GET', `/api/admin/faqs/${enc(id)}/history`),
  diff: (id, from, to) => send('GET', `/api/admin/faqs/${enc(id)}/diff?${qs({ from, to })}`),
  rollback: (id, version) => send('POST', `/api/admin/faqs/${enc(id)}/rollback`, { json: { version } }),
  deleted: () => send('GET', '/api/admin/deleted-faqs'),
  categories: () => send('GET', '/api/admin/categories'),
  tryText: (text) => send('POST', '/api/admin/kb/try', { json: { text } }),
  importFile: (content, params, type) => send('POST', `/api/admin/kb/import?${qs(params)}`, { raw: content, type }),
  exportUrl: (format) => `/api/admin/kb/export?format=${format}`,
  synonyms: () => send('GET', '/api/admin/synonyms'),
  saveSynonyms: (groups, expectedVersion) => send('PUT', '/api/admin/synonyms', { json: { groups, expectedVersion } }),
  unanswered: (days) => send('GET', `/api/admin/unanswered?${qs({ days })}`),
  resolve: (body) => send('POST', '/api/admin/unanswered/resolve', { json: body }),
  dismiss: (questionIds) => send('POST', '/api/admin/unanswered/dismiss', { json: { questionIds } }),
  dashboard: (days) => send('GET', `/api/admin/dashboard?${qs({ days, tzOffset: new Date().getTimezoneOffset() })}`),
  audit: (before) => send('GET', `/api/admin/audit?${qs({ limit: 50, before })}`),
};
