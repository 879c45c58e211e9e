import type { InboundEvent } from './messages.js';
import type { MessageRepository } from './ports.js';
import type { Choice, Conversation, Lang, ReplyKind } from './types.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { MatchResult } from './matching/index.js';
import { DEFAULT_BOT_TEXTS, parseChoiceNumber, type BotTexts } from './replies.js';

export interface BotReply {
  kind: ReplyKind;
  text: string;
  faqId?: string;
  choices?: Choice[];
}

export interface BotOutcome {
  replies: BotReply[];
  /** A confident FAQ answer was given. */
  answered: boolean;
  /** The bot admitted it does not know. */
  fallback: boolean;
  /** For a matched text message (not small talk): what the matcher decided, for learning from weak answers. */
  match?: { decision: 'answer' | 'choices' | 'fallback'; bestScore: number | null; bestFaqId: string | null };
}

/** Decides what the bot says to one customer message. Stores nothing itself. */
export class BotResponder {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly messages: MessageRepository,
    private readonly texts: Record<Lang, BotTexts> = DEFAULT_BOT_TEXTS,
  ) {}

  async respond(conversation: Conversation, event: InboundEvent, lang: Lang): Promise<BotOutcome> {
    const t = this.texts[lang];
    switch (event.type) {
      case 'attachment':
      case 'unsupported':
        return say({ kind: 'system', text: t.unreadable });
      // Commands are decided by the conversation service; one reaching the bot gets the help text.
      case 'command':
        return say({ kind: 'system', text: t.help });
      case 'choice':
        return this.answer(event.faqId, lang);
      case 'text': {
        const picked = await this.pickedChoice(conversation, event.text);
        if (picked) return this.answer(picked, lang);
        return this.matchText(event.text, lang);
      }
    }
  }

  private async matchText(text: string, lang: Lang): Promise<BotOutcome> {
    const result = await this.knowledge.match(text);
    const outcome = await this.replyTo(result, lang);
    if (result.decision === 'smalltalk') return outcome;
    const best = result.matches[0];
    const decision = outcome.fallback ? 'fallback' : result.decision;
    return { ...outcome, match: { decision, bestScore: best?.score ?? null, bestFaqId: best?.faqId ?? null } };
  }

  private async replyTo(result: MatchResult, lang: Lang): Promise<BotOutcome> {
    const t = this.texts[lang];
    switch (result.decision) {
      case 'smalltalk':
        return say({ kind: 'smalltalk', text: t[result.smalltalk ?? 'greeting'] });
      case 'answer': {
        const best = result.matches[0];
        return best ? this.answer(best.faqId, lang) : this.fallback(lang);
      }
      case 'choices': {
        const choices = result.matches.slice(0, 3).map((m) => ({ faqId: m.faqId, question: m.question }));
        return say({ kind: 'choices', text: t.choicesIntro, choices });
      }
      case 'fallback':
        return this.fallback(lang);
    }
  }

  private async answer(faqId: string, lang: Lang): Promise<BotOutcome> {
    const entry = await this.knowledge.entry(faqId);
    if (!entry) return this.fallback(lang);
    return { replies: [{ kind: 'answer', text: entry.answer, faqId: entry.id }], answered: true, fallback: false };
  }

  private fallback(lang: Lang): BotOutcome {
    return { replies: [{ kind: 'fallback', text: this.texts[lang].fallback }], answered: false, fallback: true };
  }

  /** A bare number right after a "did you mean" list picks that entry. */
  private async pickedChoice(conversation: Conversation, text: string): Promise<string | null> {
    const n = parseChoiceNumber(text);
    if (n === null) return null;
    const last = await this.messages.lastBotMessage(conversation.id);
    if (last?.kind !== 'choices' || !last.choices) return null;
    return last.choices[n - 1]?.faqId ?? null;
  }
}

function say(reply: BotReply): BotOutcome {
  return { replies: [reply], answered: false, fallback: false };
}
