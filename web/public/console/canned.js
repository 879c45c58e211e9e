import { el } from './dom.js';

/**
 * Canned replies in the composer: typing "/" and a shortcut lists matches; Tab, Enter or a click puts the reply's
 * text in the box (it is not sent until the agent sends it).
 */
export class CannedPicker {
  constructor(input, list, replies) {
    this.input = input;
    this.list = list;
    this.replies = replies;
    this.matches = [];
    this.active = 0;
    input.addEventListener('input', () => this.update());
    input.addEventListener('keydown', (e) => this.onKey(e), true);
  }

  setReplies(replies) {
    this.replies = replies;
    this.update();
  }

  get open() {
    return !this.list.hidden && this.matches.length > 0;
  }

  update() {
    const m = /^\/(\S*)$/.exec(this.input.value);
    this.matches = m ? this.replies.filter((r) => r.shortcut.startsWith(m[1]) || r.title.includes(m[1])) : [];
    if (m) this.matches.sort((a, b) => Number(b.shortcut === m[1]) - Number(a.shortcut === m[1]));
    this.active = 0;
    this.render();
  }

  render() {
    this.list.replaceChildren(...this.matches.map((r, i) =>
      el('li', { class: i === this.active ? 'active' : '', role: 'option', 'aria-selected': String(i === this.active), dataset: { shortcut: r.shortcut }, onmousedown: (e) => { e.preventDefault(); this.expand(r); } },
        el('strong', { text: `/${r.shortcut}` }), ' ', el('span', { text: r.title }), el('div', { class: 'preview', text: r.text }))));
    this.list.hidden = this.matches.length === 0;
  }

  onKey(e) {
    if (!this.open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : this.matches.length - 1)) % this.matches.length;
      this.render();
    } else if ((e.key === 'Tab' || e.key === 'Enter') && !e.isComposing) {
      e.preventDefault();
      e.stopImmediatePropagation();
      this.expand(this.matches[this.active]);
    } else if (e.key === 'Escape') {
      this.list.hidden = true;
    }
  }

  expand(reply) {
    this.input.value = reply.text;
    this.matches = [];
    this.render();
    this.input.focus();
    this.input.setSelectionRange(reply.text.length, reply.text.length);
  }
}
