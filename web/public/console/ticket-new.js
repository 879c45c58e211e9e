// The "new ticket" form; from a conversation (tickets.html#new:<conversationId>) the customer comes with it.
import { $, el } from './dom.js';
import { tickets as api } from './ticket-api.js';
import { options, PRIORITY, TYPE } from './ticket-labels.js';

const value = (id) => $(id).value.trim();

export function showNewForm({ me, supervisor, agents, conversationId }) {
  // Reset first: a reset afterwards would put every select back on its first option (priority "low").
  $('new-form').reset();
  $('new-type').replaceChildren(...options(TYPE, 'inquiry'));
  $('new-priority').replaceChildren(...options(PRIORITY, 'normal'));
  const choices = supervisor ? agents : agents.filter((a) => a.id === me.id);
  $('new-assignee').replaceChildren(el('option', { value: '', text: '未分配 Unassigned' }), ...choices.map((a) => el('option', { value: a.id, text: a.displayName })));
  $('new-form').dataset.conversationId = conversationId || '';
  $('new-from').hidden = !conversationId;
  $('new-from').textContent = conversationId ? `来自会话 From conversation ${conversationId}` : '';
}

export function bindNewForm({ onCreated, onCancel, report }) {
  $('new-cancel').addEventListener('click', onCancel);
  $('new-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      type: $('new-type').value, priority: $('new-priority').value, description: $('new-description').value,
      tags: value('new-tags').split(/[,，]/).map((t) => t.trim()).filter(Boolean),
    };
    for (const [key, id] of [['subject', 'new-subject'], ['customerName', 'new-customer'], ['contact', 'new-contact'], ['orderNumber', 'new-order'], ['team', 'new-team'], ['assigneeId', 'new-assignee']]) {
      if (value(id)) body[key] = value(id);
    }
    if ($('new-form').dataset.conversationId) body.conversationId = $('new-form').dataset.conversationId;
    $('new-submit').disabled = true;
    try {
      onCreated((await api.create(body)).ticket);
    } catch (err) {
      report(err);
    } finally {
      $('new-submit').disabled = false;
    }
  });
}
