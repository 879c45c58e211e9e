/* Kefu web chat widget: plain browser JavaScript, no build step. Embed with <script src="https://<kefu>/widget.js"></script>. */
(function () {
  'use strict';
  if (window.__kefuWidget) return;
  window.__kefuWidget = true;

  const script = document.currentScript;
  const BASE = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  const LANG = (script && script.dataset.lang) || (/^en/i.test(document.documentElement.lang) ? 'en' : 'zh');
  // Embedding options: data-color="#0a7cff" (a hex colour; anything else keeps the default) and
  // data-position="left" (bottom-left corner; default bottom-right).
  const COLOR = script && /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(script.dataset.color || '') ? script.dataset.color : '#c2334d';
  const SIDE = script && script.dataset.position === 'left' ? 'left' : 'right';
  const STORE_KEY = 'kefu.webchat.v1';
  const VISITOR_KEY = 'kefu.visitor.v2';
  const MAX_LENGTH = 4000;
  const RESET_CODES = [4401, 4403, 4404];

  const T = {
    title: '在线客服',
    subtitle: 'Customer service',
    open: '打开在线客服 / Open customer chat',
    close: '关闭 / Close',
    input: '输入消息 / Type a message',
    placeholder: LANG === 'en' ? 'Type a message…' : '请输入您的问题…',
    send: '发送',
    sendLabel: '发送消息 / Send message',
    human: '转人工 / Talk to a human',
    welcome: '您好！我是 Kefu 智能客服，请问有什么可以帮您？\nHi! Ask me anything about orders, shipping or returns.',
    connecting: '连接中… / Connecting…',
    online: '在线 / Online',
    reconnecting: '连接已断开，正在重连… / Reconnecting…',
    failed: '发送失败，点击重试 / Not sent, tap to retry',
    rate: '这个回答有帮助吗？/ Was this answer helpful?',
    rateUp: '有帮助 / Helpful',
    rateDown: '没帮助 / Not helpful',
  };

  // ---------- state ----------
  const storage = {
    read(key) {
      try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch { return null; }
    },
    write(key, value) {
      try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* private mode: keep it in memory */ }
    },
    remove(key) {
      try { localStorage.removeItem(key); } catch { /* ignore */ }
    },
  };
  let session = storage.read(STORE_KEY); // { conversationId, token, lastSeq }
  // { visitorId, visitorToken }: lets later conversations join this visitor's history.
  let visitor = storage.read(VISITOR_KEY);
  let socket = null;
  let reconnectDelay = 1000;
  let reconnectTimer = null;
  let renderedMax = 0; // highest seq shown in this page
  let knownAtLoad = (session && session.lastSeq) || 0; // history the visitor already saw does not count as unread
  let sendChain = Promise.resolve();
  let creating = null;
  const seen = new Set();

  function uuid() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // ---------- DOM ----------
  const host = document.createElement('div');
  host.id = 'kefu-widget';
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `
    <style>
      :host { all: initial; }
      * { box-sizing: border-box; font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
      .launcher { position: fixed; ${SIDE}: 20px; bottom: 20px; z-index: 2147483000; display: flex; align-items: center; gap: 8px;
        border: 0; border-radius: 28px; padding: 14px 20px; background: ${COLOR}; color: #fff; font-size: 16px; cursor: pointer;
        box-shadow: 0 6px 20px rgba(0,0,0,.25); }
      .launcher[hidden] { display: none; }
      .launcher:focus-visible, button:focus-visible, textarea:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
      .badge { min-width: 20px; height: 20px; border-radius: 10px; background: #fff; color: ${COLOR}; font-size: 12px; line-height: 20px; text-align: center; padding: 0 5px; }
      .badge[hidden] { display: none; }
      .panel { position: fixed; ${SIDE}: 20px; bottom: 20px; z-index: 2147483001; width: 370px; height: min(600px, calc(100vh - 40px));
        display: flex; flex-direction: column; background: #fff; color: #222; border-radius: 14px; overflow: hidden; box-shadow: 0 10px 40px rgba(0,0,0,.3); }
      .panel[hidden] { display: none; }
      header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; background: ${COLOR}; color: #fff; }
      header h2 { margin: 0; font-size: 17px; }
      header p { margin: 2px 0 0; font-size: 12px; opacity: .85; }
      .close { border: 0; background: transparent; color: #fff; font-size: 26px; line-height: 1; width: 44px; height: 44px; cursor: pointer; }
      .status { font-size: 12px; color: #666; padding: 4px 16px; background: #faf5f6; min-height: 22px; }
      .log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f7f7f8; }
      .kefu-msg, .kefu-welcome, .kefu-notice { max-width: 85%; display: flex; flex-direction: column; gap: 6px; }
      .bubble { padding: 9px 12px; border-radius: 12px; font-size: 15px; line-height: 1.45; white-space: pre-wrap; overflow-wrap: anywhere; }
      .kefu-msg[data-author="customer"] { align-self: flex-end; }
      .kefu-msg[data-author="customer"] .bubble { background: ${COLOR}; color: #fff; border-bottom-right-radius: 4px; }
      .kefu-msg[data-author="bot"] .bubble, .kefu-welcome .bubble, .kefu-notice .bubble { background: #fff; border: 1px solid #e4e4e7; border-bottom-left-radius: 4px; }
      .kefu-msg[data-author="agent"] .bubble { background: #e8f4ff; border: 1px solid #b9dcff; }
      .kefu-msg[data-author="system"] { align-self: center; max-width: 95%; }
      .kefu-msg[data-author="system"] .bubble { background: transparent; color: #666; font-size: 13px; text-align: center; }
      .who { font-size: 11px; color: #888; }
      .kefu-msg[data-pending="true"] .bubble { opacity: .6; }
      .kefu-msg[data-failed="true"] .bubble { outline: 2px solid #d33; cursor: pointer; }
      .note { font-size: 11px; color: #a33; text-align: right; }
      .choices { display: flex; flex-direction: column; gap: 6px; }
      .rate { display: flex; gap: 6px; }
      .rate button { border: 1px solid #ddd; background: #fff; border-radius: 12px; padding: 2px 8px; font-size: 13px; cursor: pointer; min-height: 28px; opacity: .75; }
      .rate button[aria-pressed="true"] { border-color: ${COLOR}; background: #fdecef; opacity: 1; }
      .choices button { text-align: left; border: 1px solid ${COLOR}; color: ${COLOR}; background: #fff; border-radius: 10px; padding: 8px 10px; font-size: 14px; cursor: pointer; min-height: 40px; }
      .quick { display: flex; gap: 8px; padding: 8px 12px 0; background: #fff; }
      .quick button { border: 1px solid #ccc; background: #fff; border-radius: 16px; padding: 6px 12px; font-size: 13px; cursor: pointer; min-height: 36px; }
      form { display: flex; gap: 8px; padding: 8px 12px 12px; background: #fff; align-items: flex-end; }
      textarea { flex: 1; resize: none; border: 1px solid #ccc; border-radius: 10px; padding: 9px 10px; font-size: 16px; max-height: 120px; min-height: 42px; }
      .send { border: 0; border-radius: 10px; background: ${COLOR}; color: #fff; font-size: 15px; padding: 0 16px; height: 42px; cursor: pointer; }
      @media (max-width: 480px) {
        .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }
        .launcher { ${SIDE}: 14px; bottom: 14px; }
      }
    </style>
    <button class="launcher" id="kefu-launcher" type="button" aria-haspopup="dialog" aria-expanded="false" aria-controls="kefu-panel" aria-label="${T.open}">
      <span aria-hidden="true">💬</span><span>客服</span><span class="badge" id="kefu-badge" hidden></span>
    </button>
    <section class="panel" id="kefu-panel" role="dialog" aria-modal="false" aria-labelledby="kefu-title" hidden>
      <header>
        <div><h2 id="kefu-title">${T.title}</h2><p>${T.subtitle}</p></div>
        <button class="close" id="kefu-close" type="button" aria-label="${T.close}">×</button>
      </header>
      <div class="status" id="kefu-status" role="status"></div>
      <div class="log" id="kefu-log" role="log" aria-live="polite" aria-label="聊天记录 / Conversation"></div>
      <div class="quick"><button type="button" id="kefu-human" data-testid="kefu-human">${T.human}</button></div>
      <form id="kefu-form">
        <textarea id="kefu-input" data-testid="kefu-input" rows="1" maxlength="${MAX_LENGTH}" aria-label="${T.input}" placeholder="${T.placeholder}"></textarea>
        <button class="send" id="kefu-send" data-testid="kefu-send" type="submit" aria-label="${T.sendLabel}">${T.send}</button>
      </form>
    </section>`;
  const $ = (id) => root.getElementById(id);
  const launcher = $('kefu-launcher');
  const panel = $('kefu-panel');
  const log = $('kefu-log');
  const input = $('kefu-input');
  const status = $('kefu-status');
  const badge = $('kefu-badge');
  let unread = 0;

  function setStatus(text) {
    status.textContent = text;
  }

  function bubble(text) {
    const el = document.createElement('div');
    el.className = 'bubble';
    el.textContent = text; // message text is never parsed as HTML
    return el;
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function welcome() {
    if (log.querySelector('.kefu-welcome')) return;
    const el = document.createElement('div');
    el.className = 'kefu-welcome';
    el.appendChild(bubble(T.welcome));
    log.prepend(el);
  }

  function choiceButtons(choices) {
    const box = document.createElement('div');
    box.className = 'choices';
    choices.forEach((choice, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = `${i + 1}. ${choice.question}`;
      b.addEventListener('click', () => send(String(i + 1)));
      box.appendChild(b);
    });
    return box;
  }

  function messageElement(m) {
    const el = document.createElement('div');
    el.className = 'kefu-msg';
    el.dataset.author = m.author;
    el.dataset.kind = m.kind;
    if (m.author === 'agent') {
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = '人工客服 / Agent';
      el.appendChild(who);
    }
    el.appendChild(bubble(m.text));
    if (Array.isArray(m.choices) && m.choices.length) el.appendChild(choiceButtons(m.choices));
    if (m.author === 'bot' && m.kind === 'answer' && m.id) el.appendChild(rateButtons(m.id));
    return el;
  }

  /** 👍/👎 under a bot answer; the choice can be changed, the last one counts. */
  function rateButtons(messageId) {
    const box = document.createElement('div');
    box.className = 'rate';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', T.rate);
    for (const [rating, label, title] of [['up', '👍', T.rateUp], ['down', '👎', T.rateDown]]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'kefu-rate';
      b.dataset.rating = rating;
      b.textContent = label;
      b.setAttribute('aria-label', title);
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', () => rate(messageId, rating, box));
      box.appendChild(b);
    }
    return box;
  }

  async function rate(messageId, rating, box) {
    if (!session) return;
    box.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.rating === rating)));
    try {
      const res = await api(`/api/webchat/conversations/${encodeURIComponent(session.conversationId)}/messages/${encodeURIComponent(messageId)}/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify({ rating }),
      });
      box.dataset.rated = res.ok ? rating : '';
      if (!res.ok) box.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    } catch {
      box.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    }
  }

  /** Adds a stored message once, in seq order; a customer message settles the oldest pending bubble with that text. */
  function addMessage(m) {
    if (!m || typeof m.seq !== 'number' || seen.has(m.seq)) return;
    seen.add(m.seq);
    let el = null;
    if (m.author === 'customer') {
      el = Array.from(log.querySelectorAll('.kefu-msg[data-pending="true"]')).find((p) => p.dataset.text === m.text) || null;
      if (el) {
        delete el.dataset.pending;
        delete el.dataset.text;
      }
    }
    if (!el) el = messageElement(m);
    el.dataset.seq = String(m.seq);
    const later = Array.from(log.querySelectorAll('.kefu-msg[data-seq]')).find((o) => o !== el && Number(o.dataset.seq) > m.seq);
    const firstPending = log.querySelector('.kefu-msg[data-pending="true"]');
    log.insertBefore(el, later || firstPending || null);
    renderedMax = Math.max(renderedMax, m.seq);
    if (session) {
      session.lastSeq = Math.max(session.lastSeq || 0, m.seq);
      storage.write(STORE_KEY, session);
    }
    if (panel.hidden && m.author !== 'customer' && m.seq > knownAtLoad) {
      unread += 1;
      badge.textContent = String(unread);
      badge.hidden = false;
    }
    scrollDown();
  }

  function addNotice(message) {
    const el = document.createElement('div');
    el.className = 'kefu-notice';
    el.appendChild(bubble(message.text));
    if (Array.isArray(message.choices) && message.choices.length) el.appendChild(choiceButtons(message.choices));
    log.appendChild(el);
    scrollDown();
  }

  function pendingElement(text) {
    const el = messageElement({ author: 'customer', kind: 'text', text });
    el.dataset.pending = 'true';
    el.dataset.text = text;
    el.setAttribute('aria-busy', 'true');
    log.appendChild(el);
    scrollDown();
    return el;
  }

  function markFailed(el, text, clientMessageId, reason, command) {
    el.dataset.failed = 'true';
    el.removeAttribute('aria-busy');
    const note = document.createElement('div');
    note.className = 'note';
    note.textContent = reason || T.failed;
    el.appendChild(note);
    el.addEventListener('click', () => {
      el.remove();
      send(text, clientMessageId, command);
    }, { once: true });
  }

  // ---------- network ----------
  function resetConversation() {
    session = null;
    storage.remove(STORE_KEY);
    if (socket) socket.close();
    socket = null;
    seen.clear();
    renderedMax = 0;
    knownAtLoad = 0;
    log.querySelectorAll('.kefu-msg[data-seq]').forEach((el) => el.remove());
  }

  async function api(path, options) {
    const res = await fetch(BASE + path, options);
    let body = null;
    try { body = await res.json(); } catch { /* empty body */ }
    return { status: res.status, ok: res.ok, body };
  }

  function ensureConversation() {
    if (session) return Promise.resolve(session);
    creating = creating || (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await api('/api/webchat/conversations', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(visitor ? { lang: LANG, visitorId: visitor.visitorId, visitorToken: visitor.visitorToken } : { lang: LANG }),
          });
          if (res.ok) {
            session = { conversationId: res.body.conversationId, token: res.body.token, lastSeq: 0 };
            visitor = { visitorId: res.body.visitorId, visitorToken: res.body.visitorToken };
            storage.write(STORE_KEY, session);
            storage.write(VISITOR_KEY, visitor);
            connect();
            return session;
          }
          if ((res.status === 422 || res.status === 403) && visitor) visitor = null; // a stale visitor must not lock the visitor out
          else if (res.status < 500 && res.status !== 429) throw new Error((res.body && res.body.error && res.body.error.message) || 'error');
        } catch (err) {
          if (attempt >= 4) throw err;
        }
        await sleep(Math.min(8000, 500 * 2 ** attempt));
      }
    })().finally(() => { creating = null; });
    return creating;
  }

  /** Posts one message; the clientMessageId makes every retry safe (the server stores it once). */
  async function post(text, el, clientMessageId, command) {
    const failed = (reason) => markFailed(el, text, clientMessageId, reason, command);
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      let s;
      try {
        s = await ensureConversation();
      } catch {
        return failed();
      }
      let res;
      try {
        res = await api(`/api/webchat/conversations/${encodeURIComponent(s.conversationId)}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
          // A command (the human button) is data; its text is only the label shown in the transcript.
          body: JSON.stringify(command ? { command, text, clientMessageId } : { text, clientMessageId }),
        });
      } catch {
        res = null; // network failure: the message may or may not have arrived; retrying with the same id is safe
      }
      if (res && res.ok) {
        addMessage(res.body.message);
        (res.body.replyMessages || []).forEach(addMessage);
        return;
      }
      if (res && [401, 403, 404].includes(res.status) && !renewed) {
        renewed = true;
        resetConversation();
        continue;
      }
      if (res && res.status < 500 && res.status !== 429) {
        return failed(res.body && res.body.error ? res.body.error.message : T.failed);
      }
      if (attempt >= 5) return failed();
      await sleep(Math.min(10000, 500 * 2 ** attempt));
    }
  }

  function send(raw, clientMessageId, command) {
    const text = String(raw).trim().slice(0, MAX_LENGTH);
    if (!text) return;
    const id = clientMessageId || uuid();
    const el = pendingElement(text);
    sendChain = sendChain.then(() => post(text, el, id, command)).catch(() => markFailed(el, text, id, undefined, command));
  }

  function connect() {
    if (!session || (socket && socket.readyState <= 1)) return;
    clearTimeout(reconnectTimer);
    const s = session;
    const url = `${BASE.replace(/^http/, 'ws')}/api/webchat/ws?conversationId=${encodeURIComponent(s.conversationId)}` +
      `&token=${encodeURIComponent(s.token)}&afterSeq=${renderedMax}`;
    setStatus(T.connecting);
    const ws = new WebSocket(url);
    socket = ws;
    ws.onmessage = (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame.type === 'message') addMessage(frame.message);
      else if (frame.type === 'notice') addNotice(frame.message);
      else if (frame.type === 'ready') {
        reconnectDelay = 1000;
        setStatus(T.online);
      }
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      if (RESET_CODES.includes(event.code)) {
        resetConversation();
        return;
      }
      setStatus(T.reconnecting);
      reconnectTimer = setTimeout(connect, reconnectDelay);
      reconnectDelay = Math.min(30000, reconnectDelay * 2);
    };
  }

  // ---------- behaviour ----------
  function setOpen(open) {
    panel.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      unread = 0;
      badge.hidden = true;
      welcome();
      if (session) connect();
      input.focus();
      scrollDown();
    } else {
      launcher.focus();
    }
  }

  launcher.addEventListener('click', () => setOpen(true));
  $('kefu-close').addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') setOpen(false);
  });
  $('kefu-human').addEventListener('click', () => send('转人工', undefined, 'human'));
  $('kefu-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value;
    input.value = '';
    send(text);
    input.focus();
  });
  input.addEventListener('keydown', (e) => {
    // Enter while an IME is composing (pinyin) confirms the candidate; it must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      $('kefu-form').requestSubmit();
    }
  });
  window.addEventListener('online', () => connect());

  // Conversation tokens expire (24 h by default): a still-valid one is exchanged for a fresh one on every page load and
  // every few hours; an expired one is refused (4401 / 401) and the widget starts over, joining this visitor's history.
  async function refreshToken() {
    const s = session;
    if (!s) return;
    try {
      const res = await api(`/api/webchat/conversations/${encodeURIComponent(s.conversationId)}/token`, {
        method: 'POST', headers: { authorization: `Bearer ${s.token}` },
      });
      if (res.ok && session === s) {
        s.token = res.body.token;
        storage.write(STORE_KEY, s);
      }
    } catch { /* offline: the next refresh tries again */ }
  }

  function mount() {
    document.body.appendChild(host);
    if (session) {
      void refreshToken();
      connect();
    }
    setInterval(() => void refreshToken(), 3 * 3_600_000);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
