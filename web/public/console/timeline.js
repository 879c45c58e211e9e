import { el, time } from './dom.js';

const LABEL = { customer: '客户 Customer', bot: '🤖 机器人 Bot', agent: '客服 Agent', system: '系统 System' };

/** The transcript of the open conversation: messages in seq order, each once; internal notes placed by time. */
export class Timeline {
  constructor(root, meId) {
    this.root = root;
    this.meId = meId;
    this.reset({ messages: [], notes: [], authors: {}, customerName: '' });
  }

  reset({ messages, notes, authors, customerName }) {
    this.root.replaceChildren();
    this.seqs = new Set();
    this.noteIds = new Set();
    this.lastSeq = 0;
    this.authors = { ...authors };
    this.customerName = customerName;
    messages.forEach((m) => this.addMessage(m));
    notes.forEach((n) => this.addNote(n));
  }

  addMessage(m) {
    if (this.seqs.has(m.seq)) return false;
    this.seqs.add(m.seq);
    this.lastSeq = Math.max(this.lastSeq, m.seq);
    const who = m.author === 'agent'
      ? (m.agentId === this.meId ? '我 Me' : `客服 ${this.authors[m.agentId] || 'Agent'}`)
      : m.author === 'customer' ? `${LABEL.customer} · ${this.customerName}` : LABEL[m.author];
    const item = el('li', { class: `msg ${m.author}`, dataset: { author: m.author, seq: String(m.seq), kind: m.kind, at: String(Date.parse(m.createdAt)) } },
      el('div', { class: 'who' }, el('span', { text: who }), el('time', { datetime: m.createdAt, text: time(m.createdAt) })),
      el('div', { class: 'text', text: m.text }),
      Array.isArray(m.choices) && m.choices.length
        ? el('ol', { class: 'choices' }, m.choices.map((c) => el('li', { text: c.question })))
        : null,
    );
    const later = [...this.root.querySelectorAll('.msg')].find((o) => Number(o.dataset.seq) > m.seq);
    this.root.insertBefore(item, later || null);
    this.scroll();
    return true;
  }

  addNote(n) {
    if (this.noteIds.has(n.id)) return;
    this.noteIds.add(n.id);
    if (n.authorId) this.authors[n.authorId] = n.authorName;
    const at = Date.parse(n.createdAt);
    const item = el('li', { class: 'note', dataset: { at: String(at), noteId: n.id } },
      el('div', { class: 'who' }, el('span', { text: `📝 内部备注 Internal note · ${n.authorName}（客户看不到）` }), el('time', { datetime: n.createdAt, text: time(n.createdAt) })),
      el('div', { class: 'text', text: n.text }),
    );
    const later = [...this.root.children].find((o) => Number(o.dataset.at) > at);
    this.root.insertBefore(item, later || null);
    this.scroll();
  }

  customerTexts() {
    return [...this.root.querySelectorAll('.msg.customer .text')].map((n) => n.textContent);
  }

  scroll() {
    this.root.scrollTop = this.root.scrollHeight;
  }
}
