// The first-run page: the token comes in the URL fragment (never sent to the server in a request line or a
// Referer), and is posted with the new admin's details.
const form = document.getElementById('setup');
const error = document.getElementById('error');
const intro = document.getElementById('intro');
const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';

fetch('/api/setup', { credentials: 'same-origin' }).then(async (res) => {
  const state = res.ok ? await res.json() : null;
  if (state && !state.needed) {
    intro.textContent = 'Kefu 已设置完成，请登录 · Kefu is set up already: sign in.';
    form.hidden = true;
    setTimeout(() => location.replace('login.html'), 1500);
    return;
  }
  if (state) form.timeZone.placeholder = state.timeZone;
  if (!token) error.textContent = '链接缺少令牌：请使用 Kefu 启动时打印的链接 · The link has no token: use the one Kefu printed at start-up.';
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const button = document.getElementById('submit');
  button.disabled = true;
  const optional = (value) => (value.trim() ? value.trim() : undefined);
  try {
    const res = await fetch('/api/setup', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        email: form.email.value,
        password: form.password.value,
        displayName: optional(form.displayName.value),
        storeName: optional(form.storeName.value),
        businessHours: optional(form.hours.value),
        timeZone: optional(form.timeZone.value),
      }),
    });
    const body = await res.json().catch(() => null);
    if (res.ok) {
      location.replace(body.redirect);
      return;
    }
    error.textContent = (body && body.error && body.error.message) || `设置失败 Setup failed (${res.status})`;
  } catch {
    error.textContent = '网络错误，请重试 · Network error, try again';
  } finally {
    button.disabled = false;
  }
});
