import { el } from './dom.js';

const VARIABLES = { 客户名: 'customerName', customer_name: 'customerName', 订单号: 'orderNumber', order_number: 'orderNumber', 客服名: 'agentName', agent_name: 'agentName' };

/** A reply's text with {客户名}, {订单号} and {客服名} filled in from what is known; unknown ones stay for the agent. */
export function fillVariables(text, known) {
  return text.replace(/\{([^{}\s]+)\}/g, (whole, name) => (VARIABLES[name] && known[VARIABLES[name]]) || whole);
}

/** Where a canned reply's variable is still unfilled in the text, or null. */
export function unfilledVariable(text) {
  const re = /\{([^{}\s]+)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (VARIABLES[m[1]]) return { start: m.index, end: m.index + m[0].length, name: m[0] };
  return null;
}

/** The order number the customer gave most recently ("订单号是 12345", "order #A1234"), or the last long number. */
export function latestOrderNumber(customerTexts) {
  for (const text of [...customerTexts].reverse()) {
    const named = /(?:订单号?|单号|order(?:\s*(?:no\.?|number|id))?)\s*(?:是|为|:|：|#)?\s*#?([A-Za-z0-9][A-Za-z0-9-]{3,})/i.exec(text);
    if (named) return named[1];
    const bare = /(?<![\dA-Za-z])\d{5,}(?![\dA-Za-z])/.exec(text);
    if (bare) return bare[0];
  }
  return null;
}

/**
 * Canned replies in the composer: typing "/" and a shortcut lists matches; Tab, Enter or a click puts the reply's
 * text in the box with its variables filled in (it is not sent until the agent sends it).
 */
export class CannedPicker {
  constructor(input, list, replies, known = () => ({})) {
    this.input = input;
    this.list = list;
    this.replies = replies;
    this.known = known;
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
        el('strong', { text: `/${r.shortcut}` }), ' ', el('span', { text: r.title }),
        r.category ? el('span', { class: 'category', text: r.category }) : null,
        r.ownerId ? el('span', { class: 'category', text: '我的 Mine' }) : null,
        el('div', { class: 'preview', text: r.text }))));
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
    const text = fillVariables(reply.text, this.known());
    this.input.value = text;
    this.matches = [];
    this.render();
    this.input.focus();
    // A variable nobody could fill is selected, so the agent types over it.
    const open = unfilledVariable(text);
    if (open) this.input.setSelectionRange(open.start, open.end);
    else this.input.setSelectionRange(text.length, text.length);
  }
}
