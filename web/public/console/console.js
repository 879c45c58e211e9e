import { api, ApiError, whoAmI } from './api.js';
import { CannedPicker, latestOrderNumber, unfilledVariable } from './canned.js';
import { $, ago, el, flash, REASON, roleName, STATUS } from './dom.js';
import { showAlert } from './alerts.js';
import { renderRecord } from './customer-record.js';
import { connectLive } from './live.js';
import { notify, notifySettings, saveNotifySettings } from './notify.js';
import { renderOrders } from './orders-panel.js';
import { renderSupervisor } from './supervisor.js';
import { Timeline } from './timeline.js';

const me = await whoAmI();
const supervisor = me.role === 'supervisor' || me.role === 'admin';
$('me-name').textContent = me.displayName;
$('me-role').textContent = roleName(me.role);
$('admin-link').hidden = me.role !== 'admin';
$('presence').value = me.presence;
// Opening the console means being available, unless the agent chose "away" earlier.
if (me.presence === 'offline') api.presence('online').then(() => { $('presence').value = 'online'; }, () => undefined);

const timeline = new Timeline($('timeline'), me.id);
const picker = new CannedPicker($('input'), $('suggestions'), [], () => ({
  customerName: current ? timeline.customerName : '', agentName: me.displayName, orderNumber: latestOrderNumber(timeline.customerTexts()),
}));
let current = null;
/** Customer messages not yet seen, by conversation: counted in the lists and in the tab title. */
const unread = new Map();
const baseTitle = document.title;

function showUnread() {
  const total = [...unread.values()].reduce((a, b) => a + b, 0);
  document.title = total > 0 ? `(${total}) ${baseTitle}` : baseTitle;
  document.querySelectorAll('.conv-list li').forEach((li) => {
    const n = unread.get(li.dataset.id) || 0;
    li.dataset.unread = String(n);
    const badge = li.querySelector('.unread');
    if (badge) badge.textContent = n > 0 ? String(n) : '';
  });
}

function seen(id) {
  if (unread.delete(id)) showUnread();
}
let agents = [];
let noteChosen = false;

const report = (err) => flash(err instanceof ApiError ? err.message : '出错了，请重试 / Something went wrong', 'error');
const canWrite = (c) => supervisor || (c.assignee && c.assignee.id === me.id);

function listItem(c) {
  const badges = [
    c.position ? `#${c.position}` : null,
    c.leftMessageAt ? '留言 Left message' : null,
    c.handoffReason ? REASON[c.handoffReason] : null,
    c.assignee && c.status === 'agent' ? c.assignee.name : null,
  ].filter(Boolean);
  return el('li', { dataset: { id: c.id, status: c.status }, class: current && current.id === c.id ? 'current' : '' },
    el('button', { type: 'button', onclick: () => open(c.id) },
      el('span', { class: 'name', text: c.customer.name }, el('span', { class: 'unread', 'aria-label': '未读 Unread' })),
      el('span', { class: 'badges', text: badges.join(' · ') }),
      el('span', { class: 'last', text: c.lastMessage ? c.lastMessage.text : '' }),
      el('span', { class: 'when', text: ago(c.updatedAt) })));
}

async function refreshLists() {
  try {
    const [queued, mine] = await Promise.all([api.list('queued'), api.list('mine')]);
    $('queue').replaceChildren(...queued.conversations.map(listItem));
    $('mine').replaceChildren(...mine.conversations.map(listItem));
    $('queue-count').textContent = String(queued.conversations.length);
    $('mine-count').textContent = String(mine.conversations.length);
    showUnread();
    if (supervisor) renderSupervisor(await api.overview(), { onAssign: assign, onOpen: open, role: me.role, refresh: scheduleRefresh });
  } catch (err) {
    report(err);
  }
}
let refreshTimer = null;
const scheduleRefresh = () => {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshLists, 150);
};

function renderHeader() {
  const c = current;
  $('chat-title').textContent = c.customer.name;
  $('chat-meta').textContent = [c.channel, STATUS[c.status], c.handoffReason && REASON[c.handoffReason], c.assignee && `客服 ${c.assignee.name}`, c.leftMessageAt && '非工作时间留言 Left after hours']
    .filter(Boolean).join(' · ');
  $('chat').dataset.status = c.status;
  const writable = canWrite(c);
  $('claim').hidden = c.status !== 'queued';
  $('close').hidden = !(writable && (c.status === 'agent' || (supervisor && c.status === 'queued')));
  $('transfer-box').hidden = !(writable && (c.status === 'agent' || (supervisor && c.status === 'queued')));
  const replyOk = c.status === 'agent' && writable;
  $('mode-reply').disabled = !replyOk;
  // Notes only until the agent may reply; then replies again, unless the agent picked notes themselves.
  if (!replyOk) $('mode-note').checked = true;
  else if (!noteChosen) $('mode-reply').checked = true;
  $('composer-hint').textContent = replyOk ? '' : c.status === 'queued' ? '接入后才能回复客户 · Claim to reply' : '只能写内部备注 · Notes only';
  $('download-json').href = api.transcriptUrl(c.id, 'json');
  $('download-text').href = api.transcriptUrl(c.id, 'text');
  const targets = agents.filter((a) => a.id !== (c.assignee && c.assignee.id) && a.presence !== 'offline');
  $('transfer-to').replaceChildren(...(targets.length ? targets.map((a) => el('option', { value: a.id, text: `${a.displayName}（${a.presence === 'online' ? '在线' : '离开'} ${a.load}/${a.effectiveCapacity}）` }))
    : [el('option', { value: '', text: '没有其他在线客服 · Nobody else is online' })]));
  $('transfer-to').disabled = targets.length === 0;
  $('transfer').disabled = targets.length === 0;
  $('transfer').title = targets.length ? '' : '只能转给在线或离开状态的其他客服 · Only agents who are online or away can take it';
  document.querySelectorAll('.conv-list li').forEach((li) => li.classList.toggle('current', li.dataset.id === c.id));
}

/** "To ticket" opens the conversation's ticket when it has one still open, else a new ticket form for it. */
function renderTicketLink(tickets) {
  const open = tickets.filter((t) => t.status !== 'closed').at(-1);
  $('to-ticket').href = open ? `tickets.html#${encodeURIComponent(open.number)}` : `tickets.html#new:${encodeURIComponent(current.id)}`;
  $('to-ticket').textContent = open ? `工单 ${open.number} · Ticket` : '转工单 To ticket';
  $('to-ticket').dataset.ticket = open ? open.number : '';
}

function renderProfile(customer) {
  const fields = [['名称 Name', customer.name], ['渠道 Channels', customer.identities.map((i) => `${i.channel}: ${i.externalId}`).join('\n')],
    ['首次来访 Since', new Date(customer.createdAt).toLocaleString('zh-CN')]];
  $('profile-fields').replaceChildren(...fields.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  $('history').replaceChildren(...customer.conversations.map((c) =>
    el('li', { class: c.id === current.id ? 'current' : '' },
      c.readable && c.id !== current.id ? el('button', { type: 'button', class: 'link', onclick: () => open(c.id), text: new Date(c.createdAt).toLocaleString('zh-CN') }) : el('span', { text: new Date(c.createdAt).toLocaleString('zh-CN') }),
      ` · ${c.channel} · ${STATUS[c.status]}${c.assignee ? ` · ${c.assignee.name}` : ''}`)));
  void renderRecord(customer.id);
}

async function open(id) {
  try {
    const [detail, team] = await Promise.all([api.detail(id), api.agents()]);
    if (current && current.id !== id) live.send({ type: 'unwatch', conversationId: current.id });
    agents = team.agents;
    current = detail.conversation;
    timeline.reset({ messages: detail.messages, notes: detail.notes, authors: detail.authors, customerName: detail.customer.name });
    renderHeader();
    renderTicketLink(detail.tickets);
    renderProfile(detail.customer);
    renderOrders(id).catch(report);
    $('chat').hidden = false;
    $('profile').hidden = false;
    $('empty').hidden = true;
    // On a phone the chat takes the screen; "back" returns to the lists.
    document.body.dataset.view = 'chat';
    // Scrolling while the chat was hidden did nothing: show the latest messages now.
    timeline.scroll();
    live.send({ type: 'watch', conversationId: id, afterSeq: timeline.lastSeq });
    history.replaceState(null, '', `#${id}`);
    seen(id);
  } catch (err) {
    report(err);
  }
}

async function reloadCurrent() {
  if (!current) return;
  try {
    const [detail, team] = await Promise.all([api.detail(current.id), api.agents()]);
    agents = team.agents;
    current = detail.conversation;
    Object.assign(timeline.authors, detail.authors);
    detail.messages.forEach((m) => timeline.addMessage(m));
    renderHeader();
    renderTicketLink(detail.tickets);
    renderProfile(detail.customer);
    renderOrders(current.id).catch(report);
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) leave('这个会话已由其他客服处理 · This conversation is now with another agent');
    else report(err);
  }
}

function showLists() {
  document.body.dataset.view = 'lists';
}
$('back').addEventListener('click', () => {
  showLists();
  scheduleRefresh();
});

function leave(message) {
  showLists();
  current = null;
  $('chat').hidden = true;
  $('profile').hidden = true;
  $('empty').hidden = false;
  flash(message);
}

async function act(work, done) {
  try {
    await work();
    if (done) flash(done);
    await reloadCurrent();
    scheduleRefresh();
  } catch (err) {
    report(err);
    await reloadCurrent();
  }
}

function assign(id, agentId) {
  return act(() => api.assign(id, agentId), '已分配 Assigned');
}

$('claim').addEventListener('click', () => act(() => api.claim(current.id), '已接入 Claimed'));
$('close').addEventListener('click', () => act(() => api.close(current.id), '已结束，机器人接手 · Closed, the bot takes over'));
$('transfer').addEventListener('click', () => act(() => api.transfer(current.id, $('transfer-to').value), '已转接 Transferred'));
$('mode-note').addEventListener('change', () => { noteChosen = true; });
$('mode-reply').addEventListener('change', () => { noteChosen = false; });
{
  const settings = notifySettings();
  $('notify-sound').checked = settings.sound;
  $('notify-desktop').checked = settings.desktop;
  $('notify-sound').addEventListener('change', (e) => saveNotifySettings({ ...notifySettings(), sound: e.target.checked }));
  $('notify-desktop').addEventListener('change', async (e) => {
    const wanted = e.target.checked && 'Notification' in window && (Notification.permission === 'granted' || (await Notification.requestPermission()) === 'granted');
    e.target.checked = wanted;
    saveNotifySettings({ ...notifySettings(), desktop: wanted });
  });
}
$('presence').addEventListener('change', async (e) => {
  try {
    await api.presence(e.target.value);
  } catch (err) {
    report(err);
  }
});

$('composer').addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = $('input').value.trim();
  if (!text || !current) return;
  const unfilled = unfilledVariable(text);
  if (unfilled) {
    flash(`请先填写 ${unfilled.name} · Fill in ${unfilled.name} first`, 'error');
    $('input').setSelectionRange(unfilled.start, unfilled.end);
    $('input').focus();
    return;
  }
  const note = $('mode-note').checked;
  $('send').disabled = true;
  // Cleared at once, as chat apps do; the text comes back if sending fails so nothing typed is lost.
  $('input').value = '';
  try {
    if (note) timeline.addNote((await api.note(current.id, text)).note);
    else timeline.addMessage((await api.send(current.id, text)).message);
  } catch (err) {
    if (!$('input').value) $('input').value = text;
    report(err);
  } finally {
    $('send').disabled = false;
    $('input').focus();
  }
});
$('input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
    e.preventDefault();
    $('composer').requestSubmit();
  }
});

const live = connectLive({
  onStatus: (state) => {
    $('live').dataset.state = state;
    $('live').textContent = { live: '实时 Live', connecting: '连接中… Connecting', offline: '已断开，重连中… Reconnecting' }[state];
  },
  onReady: () => {
    if (current) live.send({ type: 'watch', conversationId: current.id, afterSeq: timeline.lastSeq });
    scheduleRefresh();
  },
  onFrame: (frame) => {
    if (frame.type === 'message' && current && frame.conversationId === current.id) timeline.addMessage(frame.message);
    else if (frame.type === 'note' && current && frame.note.conversationId === current.id) timeline.addNote(frame.note);
    else if (frame.type === 'event') {
      const { change, conversationId } = frame.event;
      // Unread unless the agent is looking at that conversation right now.
      if (change === 'message' && (!current || current.id !== conversationId || document.hidden)) {
        unread.set(conversationId, (unread.get(conversationId) || 0) + 1);
        showUnread();
        notify('新消息 New message', '顾客发来新消息 · A customer wrote');
      }
      if (change === 'queued' || change === 'left-message') notify('新的排队会话 New in the queue', '有顾客在等待人工 · A customer is waiting for a person');
      scheduleRefresh();
      if (current && frame.event.conversationId === current.id && frame.event.change !== 'message') reloadCurrent();
    } else if (frame.type === 'unwatched' && current && frame.conversationId === current.id) {
      leave('这个会话已转给其他客服 · This conversation went to another agent');
      scheduleRefresh();
    } else if (frame.type === 'alert') showAlert(frame.alert);
    else if (frame.type === 'error' && frame.error) flash(frame.error.message, 'error');
  },
});

// Keyboard: Alt+↓/↑ next/previous conversation, Alt+C claim, Alt+E end (close), "/" in the box for canned replies.
document.addEventListener('keydown', (e) => {
  if (!e.altKey || e.ctrlKey || e.metaKey) return;
  const ids = [...document.querySelectorAll('#queue li, #mine li')].map((li) => li.dataset.id);
  const at = current ? ids.indexOf(current.id) : -1;
  // By key position (e.code): on a Mac, Alt+C types "ç".
  const action = {
    ArrowDown: () => ids.length && open(ids[(at + 1) % ids.length]),
    ArrowUp: () => ids.length && open(ids[(at - 1 + ids.length) % ids.length]),
    KeyC: () => !$('claim').hidden && $('claim').click(),
    KeyE: () => !$('close').hidden && $('close').click(),
  }[e.code];
  if (!action) return;
  e.preventDefault();
  action();
});

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && current) seen(current.id);
});

api.canned().then((r) => {
  picker.setReplies(r.cannedReplies);
  $('canned-list').replaceChildren(...r.cannedReplies.map((c) => el('li', {}, el('strong', { text: `/${c.shortcut}` }), ` ${c.title}`)),
    el('li', {}, el('a', { href: 'canned.html', text: '管理快捷回复 Manage' })));
}).catch(report);
await refreshLists();
if (location.hash.length > 1) await open(decodeURIComponent(location.hash.slice(1)));
