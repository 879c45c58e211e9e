import { createRequire } from 'node:module';
import { detectLang, type MatchCandidate } from '../core/matching/index.js';
import type { FaqInput } from '../core/types.js';

interface NlpResult {
  intent: string;
  score: number;
  classifications?: { intent: string; score: number }[];
}
interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<NlpResult>;
}

/** NLP.js (node-nlp NlpManager + @nlpjs/lang-zh) trained on the same FAQ set: one intent per FAQ id. */
export class NlpJsBaseline {
  private constructor(
    private readonly manager: NlpManagerLike,
    private readonly questions: Map<string, string>,
  ) {}

  static async train(entries: readonly FaqInput[]): Promise<NlpJsBaseline> {
    const require = createRequire(import.meta.url);
    const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpManagerLike };
    const manager = new NlpManager({ languages: ['zh', 'en'], forceNER: false, autoSave: false, nlu: { log: false } });
    for (const entry of entries) {
      if (entry.enabled === false) continue;
      for (const text of [entry.question, ...(entry.alternates ?? [])]) manager.addDocument(detectLang(text), text, entry.id);
    }
    const log = console.log;
    console.log = () => undefined; // lang-zh prints "Compiling dictionary" while training
    try {
      await manager.train();
    } finally {
      console.log = log;
    }
    return new NlpJsBaseline(manager, new Map(entries.map((e) => [e.id, e.question])));
  }

  /** Its intents as ranked candidates (best first); empty when it classifies the message as `None`. */
  async rank(text: string): Promise<MatchCandidate[]> {
    const result = await this.manager.process(detectLang(text), text);
    if (!result.intent || result.intent === 'None') return [];
    return (result.classifications ?? [{ intent: result.intent, score: result.score }])
      .filter((c) => c.intent !== 'None')
      .slice(0, 5)
      .map((c) => ({ faqId: c.intent, question: this.questions.get(c.intent) ?? '', score: c.score, matchedTerms: [] }));
  }

  /** The intent and its score; `None` becomes null. The message language is given, as Kefu detects it. */
  async classify(text: string): Promise<{ faqId: string | null; score: number }> {
    const result = await this.manager.process(detectLang(text), text);
    return { faqId: result.intent && result.intent !== 'None' ? result.intent : null, score: result.score ?? 0 };
  }
}
