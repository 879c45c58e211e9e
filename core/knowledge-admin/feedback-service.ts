import { DomainError } from '../errors.js';
import type { Clock, ConversationRepository, FeedbackRepository, Logger, MessageRepository, UnansweredRepository } from '../ports.js';
import { parseChoiceNumber } from '../replies.js';
import { RATINGS, type Rating, type StoredMessage } from '../types.js';

export interface FeedbackDeps {
  conversations: ConversationRepository;
  messages: MessageRepository;
  feedback: FeedbackRepository;
  unanswered: UnansweredRepository;
  clock: Clock;
  logger: Logger;
}

/**
 * Customers' 👍/👎 on bot answers. Channels call `rate` (web chat through its API; a channel with buttons from its
 * callback handler); a 👎 also files the question under "unanswered" for an admin to look at.
 */
export class FeedbackService {
  constructor(private readonly deps: FeedbackDeps) {}

  async rate(conversationId: string, messageId: string, rating: Rating): Promise<{ rating: Rating; previous: Rating | null }> {
    if (!(RATINGS as readonly string[]).includes(rating)) {
      throw new DomainError('invalid_input', `rating ${String(rating)}`, { userMessage: 'rating must be "up" or "down"' });
    }
    const conversation = await this.deps.conversations.get(conversationId);
    if (!conversation) throw new DomainError('not_found', `conversation ${conversationId} not found`, { userMessage: 'Conversation not found' });
    const transcript = await this.deps.messages.listByConversation(conversationId);
    const answer = transcript.find((m) => m.id === messageId);
    if (!answer) throw new DomainError('not_found', `message ${messageId} not in ${conversationId}`, { userMessage: 'Message not found' });
    if (answer.author !== 'bot' || answer.kind !== 'answer') {
      throw new DomainError('invalid_input', `message ${messageId} is ${answer.author}/${answer.kind}`, { userMessage: 'Only bot answers can be rated' });
    }
    const at = this.deps.clock.now();
    const previous = await this.deps.feedback.rate({ conversationId, messageId, faqId: answer.faqId, rating, at });
    const question = askedQuestion(transcript, answer);
    if (question && rating === 'down' && previous !== 'down') {
      await this.deps.unanswered.record({
        conversationId, messageId: question.id, channel: conversation.channel, text: question.text, reason: 'downvote',
        bestScore: null, bestFaqId: answer.faqId, lang: conversation.lang, createdAt: at,
      });
    }
    if (question && rating === 'up' && previous === 'down') await this.deps.unanswered.withdraw(question.id, 'downvote');
    this.deps.logger.info({ conversationId, channel: conversation.channel, faqId: answer.faqId, rating }, 'answer rated');
    return { rating, previous };
  }
}

/** The customer message the answer answered; for a picked choice ("2"), the question that led to the choices. */
function askedQuestion(transcript: StoredMessage[], answer: StoredMessage): StoredMessage | null {
  const asked = transcript.find((m) => m.id === answer.replyToId);
  if (!asked) return null;
  const isPick = (m: StoredMessage) => m.faqId !== null || parseChoiceNumber(m.text) !== null;
  if (!isPick(asked)) return asked;
  const earlier = transcript.filter((m) => m.author === 'customer' && m.seq < asked.seq && !isPick(m));
  return earlier[earlier.length - 1] ?? asked;
}
