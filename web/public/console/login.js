const form = document.getElementById('login');
const error = document.getElementById('error');
const next = new URLSearchParams(location.search).get('next');
// Only a path on this site: an open redirect would hand the session to anyone's page.
const target = next && /^\/(console|admin)\/[^/]/.test(next) ? next : 'index.html';

fetch('/api/auth/me', { credentials: 'same-origin' }).then((res) => {
  if (res.ok) location.replace(target);
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: form.email.value, password: form.password.value }),
    });
    if (res.ok) {
      location.replace(target);
      return;
    }
    const body = await res.json().catch(() => null);
    error.textContent = (body && body.error && body.error.message) || `登录失败 Sign-in failed (${res.status})`;
    form.password.value = '';
    form.password.focus();
  } catch {
    error.textContent = '网络错误，请重试 · Network error, try again';
  } finally {
    button.disabled = false;
  }
});
