// The console's HTTP client: same-origin fetch with the session cookie, the CSRF token on every write.
let csrfToken = '';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function toLogin() {
  location.replace(`login.html?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`);
}

export async function request(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return null;
  let json = null;
  try { json = await res.json(); } catch { /* no body */ }
  if (!res.ok) {
    const error = (json && json.error) || { code: 'error', message: `HTTP ${res.status}` };
    throw new ApiError(res.status, error.code, error.message);
  }
  return json;
}

/** Who is signed in (and the CSRF token for this session); sends the browser to the sign-in page otherwise. */
export async function whoAmI() {
  try {
    const me = await request('GET', '/api/auth/me');
    csrfToken = me.csrfToken;
    return me.user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      toLogin();
      return new Promise(() => {}); // the page is going away
    }
    throw err;
  }
}

export const api = {
  list: (status) => request('GET', `/api/agent/conversations?status=${status}`),
  detail: (id) => request('GET', `/api/agent/conversations/${encodeURIComponent(id)}`),
  claim: (id) => request('POST', `/api/agent/conversations/${encodeURIComponent(id)}/claim`),
  send: (id, text) => request('POST', `/api/agent/conversations/${encodeURIComponent(id)}/messages`, { text }),
  note: (id, text) => request('POST', `/api/agent/conversations/${encodeURIComponent(id)}/notes`, { text }),
  transfer: (id, agentId) => request('POST', `/api/agent/conversations/${encodeURIComponent(id)}/transfer`, { agentId }),
  close: (id) => request('POST', `/api/agent/conversations/${encodeURIComponent(id)}/close`),
  presence: (status) => request('PUT', '/api/agent/presence', { status }),
  agents: () => request('GET', '/api/agent/agents'),
  canned: () => request('GET', '/api/agent/canned-replies'),
  overview: () => request('GET', '/api/supervisor/overview'),
  assign: (id, agentId) => request('POST', `/api/supervisor/conversations/${encodeURIComponent(id)}/assign`, { agentId }),
  transcriptUrl: (id, format) => `/api/agent/conversations/${encodeURIComponent(id)}/transcript?format=${format}`,
};
