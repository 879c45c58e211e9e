import { DomainError } from '../errors.js';
import type { ConversationFeed } from '../conversation-feed.js';
import type { Clock, Logger, Repositories } from '../ports.js';
import type { Conversation, Presence, StoredMessage, User } from '../types.js';
import { assertCanWrite, assertRole, isSupervisor } from '../users/access.js';
import { ReadAccess } from '../users/read-access.js';
import { notesTopic, staffName, toNoteView, type NotePublished, type NoteView } from './agent-views.js';
import { holderOf } from './customer-holder.js';
import type { HandoffService } from './handoff-service.js';
import { checkMessageText } from '../text-rules.js';
import type { ReplyGuard } from '../supervision/sensitive-word-service.js';

export interface AgentDeskDeps {
  repos: Repositories;
  feed: ConversationFeed;
  handoff: HandoffService;
  clock: Clock;
  logger: Logger;
  maxTextLength: number;
  /** Checks replies against the sensitive-word list: refuses blocked words, flags warned ones for review. */
  guard?: ReplyGuard;
}

const conflict = (message: string) => new DomainError('conflict', message, { userMessage: message });

/** What agents do to conversations. Every action checks the user's role and ownership first. */
export class AgentDesk {
  constructor(private readonly deps: AgentDeskDeps) {}

  async claim(user: User, id: string): Promise<Conversation> {
    const { repos, clock, handoff } = this.deps;
    await this.load(id);
    const now = clock.now();
    const claimed = await repos.handoff.claim(id, user.id, now);
    if (!claimed) throw await this.claimRefused(id, user);
    const agent = await repos.users.update(user.id, { lastAssignedAt: now });
    this.deps.logger.info({ conversationId: id, userId: user.id }, 'conversation claimed');
    await handoff.assigned(claimed, agent, 'claimed');
    await handoff.queueChanged();
    return claimed;
  }

  async send(user: User, id: string, text: string): Promise<StoredMessage> {
    const body = this.text(text);
    const conversation = await this.load(id);
    assertCanWrite(user, conversation);
    if (conversation.status !== 'agent') throw conflict('This conversation is not with an agent; claim it first');
    const { guard, feed, logger } = this.deps;
    const warned = guard ? await guard.vet(user, conversation, body) : [];
    const message = await feed.post(conversation, { author: 'agent', kind: 'text', text: body, agentId: user.id });
    // The reply is out; a review flag that could not be stored must not make the agent send it again.
    if (guard) await guard.sent(user, message, warned).catch((err: unknown) => logger.error({ conversationId: id, err }, 'review flag not stored'));
    return message;
  }

  async note(user: User, id: string, text: string): Promise<NoteView> {
    const body = this.text(text);
    const conversation = await this.load(id);
    await new ReadAccess(this.deps.repos).assertCanRead(user, conversation);
    const note = await this.deps.repos.handoff.addNote({ conversationId: id, authorId: user.id, text: body, createdAt: this.deps.clock.now() });
    const view = toNoteView(note, user.displayName);
    const payload: NotePublished = { type: 'note', note: view };
    await this.deps.feed.publish(notesTopic(id), payload);
    return view;
  }

  async transfer(user: User, id: string, targetId: string): Promise<Conversation> {
    const { repos, clock, handoff } = this.deps;
    const conversation = await this.load(id);
    assertCanWrite(user, conversation);
    const target = await repos.users.get(targetId);
    if (!target) throw new DomainError('not_found', `user ${targetId} not found`, { userMessage: 'Agent not found' });
    if (target.status !== 'active') throw conflict(`${target.displayName} cannot take conversations (account ${target.status})`);
    if (conversation.status === 'agent' && conversation.assigneeId === target.id) throw conflict(`This conversation is already with ${target.displayName}`);
    if (target.presence === 'offline') throw conflict(`${target.displayName} is offline`);
    const now = clock.now();
    const moved = await repos.handoff.assign(id, target.id, now, isSupervisor(user) ? undefined : user.id);
    if (!moved) throw conflict('This conversation has changed meanwhile; reload it');
    await repos.users.update(target.id, { lastAssignedAt: now });
    this.deps.logger.info({ conversationId: id, from: conversation.assigneeId, to: target.id }, 'conversation transferred');
    await handoff.assigned(moved, target, conversation.status === 'queued' ? 'assigned' : 'transferred', conversation.assigneeId);
    await handoff.queueChanged();
    return moved;
  }

  /** Ends the human part; the bot answers the customer's next message. */
  async close(user: User, id: string): Promise<Conversation> {
    const conversation = await this.load(id);
    assertCanWrite(user, conversation);
    const closed = await this.deps.repos.handoff.close(id, this.deps.clock.now(), isSupervisor(user) ? undefined : user.id);
    if (!closed) throw conflict('This conversation is not open with an agent');
    this.deps.logger.info({ conversationId: id, userId: user.id }, 'conversation closed by agent');
    await this.deps.handoff.closed(closed);
    await this.deps.handoff.queueChanged();
    return closed;
  }

  async setPresence(user: User, presence: Presence): Promise<User> {
    const updated = await this.deps.repos.users.update(user.id, { presence });
    await this.deps.handoff.publish({ type: 'presence', userId: user.id, presence });
    if (presence === 'online') await this.deps.handoff.queueChanged();
    return updated;
  }

  async setCapacity(actor: User, userId: string, capacity: number | null): Promise<User> {
    assertRole(actor, ['supervisor', 'admin']);
    if (capacity !== null && !(Number.isInteger(capacity) && capacity >= 0 && capacity <= 100)) {
      throw new DomainError('invalid_input', 'capacity must be an integer from 0 to 100, or null');
    }
    if (!(await this.deps.repos.users.get(userId))) throw new DomainError('not_found', `user ${userId} not found`, { userMessage: 'Agent not found' });
    const updated = await this.deps.repos.users.update(userId, { capacity });
    await this.deps.handoff.queueChanged();
    return updated;
  }

  /** Why a claim failed, naming who has the conversation or the customer. */
  private async claimRefused(id: string, user: User): Promise<DomainError> {
    const { repos } = this.deps;
    const now = await this.load(id);
    const holderId = now.status === 'queued' ? await holderOf(repos.conversations, now) : now.status === 'agent' ? now.assigneeId : null;
    if (!holderId || holderId === user.id) return conflict('This conversation is not waiting in the queue');
    const name = staffName((await repos.users.get(holderId)) ?? { displayName: 'another agent', status: 'active' });
    return conflict(now.status === 'queued' ? `${name} is already serving this customer` : `${name} has already taken this conversation`);
  }

  private async load(id: string): Promise<Conversation> {
    const conversation = await this.deps.repos.conversations.get(id);
    if (!conversation) throw new DomainError('not_found', `conversation ${id} not found`, { userMessage: 'Conversation not found' });
    return conversation;
  }

  private text(input: string): string {
    return checkMessageText(input, this.deps.maxTextLength, 'text');
  }
}
