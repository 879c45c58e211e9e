interface Phrase {
  keys: string[];
  canon: string;
}

/** Maps every term of a synonym group to the group's first term, longest phrase first. */
export class SynonymTable {
  private readonly byFirstKey = new Map<string, Phrase[]>();
  /** The canonical keys: the words a knowledge-base owner found worth listing. */
  readonly canonical = new Set<string>();

  /** `keysOf` turns a term into the keys the index compares (segmented, stemmed). */
  constructor(groups: readonly (readonly string[])[], keysOf: (term: string) => string[]) {
    const seen = new Set<string>();
    for (const group of groups) {
      const [head] = group;
      if (head === undefined) continue;
      const canon = keysOf(head).join(' ');
      if (canon === '') continue;
      this.canonical.add(canon);
      for (const term of group) {
        const keys = keysOf(term);
        const id = keys.join(' ');
        const [first] = keys;
        if (first === undefined || seen.has(id)) continue;
        seen.add(id);
        const list = this.byFirstKey.get(first) ?? [];
        list.push({ keys, canon });
        list.sort((a, b) => b.keys.length - a.keys.length);
        this.byFirstKey.set(first, list);
      }
    }
  }

  /** True when the key alone is a term of some group (券, 碎). */
  hasTerm(key: string): boolean {
    return this.byFirstKey.get(key)?.some((p) => p.keys.length === 1) === true;
  }

  /** Rewrites a key sequence; `out[i]` is the canonical key and `span` how many input keys it replaced. */
  apply(keys: readonly string[]): { key: string; start: number; span: number }[] {
    const out: { key: string; start: number; span: number }[] = [];
    for (let i = 0; i < keys.length; ) {
      const phrase = this.byFirstKey.get(keys[i] ?? '')?.find((p) => p.keys.every((k, j) => keys[i + j] === k));
      const span = phrase?.keys.length ?? 1;
      out.push({ key: phrase?.canon ?? keys[i] ?? '', start: i, span });
      i += span;
    }
    return out;
  }
}
