const status = document.getElementById('status');

async function signOut() {
  const me = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (me.ok) {
    const { csrfToken } = await me.json();
    const res = await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken } });
    if (!res.ok && res.status !== 401) throw new Error(`HTTP ${res.status}`);
  }
  status.textContent = '已退出 · You are signed out.';
  status.dataset.done = 'true';
}

signOut().catch(() => {
  status.textContent = '退出失败，请重试 · Sign-out failed, please retry.';
});
