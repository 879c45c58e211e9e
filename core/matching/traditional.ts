import * as OpenCC from 'opencc-js/t2cn';

type Dict = string | readonly (readonly string[])[];
type Config = { normalizationChain?: Dict[][]; segmentation?: Dict | Dict[]; conversionChain?: Dict[][] };

let convert: ((text: string) => string) | undefined;
// Empty when the dictionaries could not be read: then every text with Chinese characters is converted.
let convertible: ReadonlySet<string> | undefined;

/**
 * Characters that can change in the traditional → simplified conversion: every one-character key that converts,
 * and a changing character of every converting phrase made only of characters that do not. Text with none of them
 * converts to itself, and most customer messages have none, so the conversion (a trie walk per character per
 * stage) is skipped for them. `undefined` when the dictionaries are not where expected: then everything converts.
 */
function convertibleChars(): ReadonlySet<string> | undefined {
  const config = (OpenCC.Locale.configs as Record<string, Config | undefined>).tw2s;
  if (!config?.conversionChain) return undefined;
  const dicts = [...(config.normalizationChain ?? []).flat(), ...[config.segmentation ?? []].flat(), ...config.conversionChain.flat()];
  const chars = new Set<string>();
  const phrases: [string[], string[]][] = [];
  for (const dict of dicts) {
    const entries = typeof dict === 'string' ? dict.split('|').map((line) => line.split(' ')) : dict;
    for (const [key = '', value = ''] of entries) {
      if (key === value) continue;
      const k = [...key];
      if (k.length === 1) chars.add(key);
      else phrases.push([k, [...value]]);
    }
  }
  for (const [k, v] of phrases) {
    if (k.some((c) => chars.has(c))) continue;
    const changed = k.length === v.length ? k.filter((c, i) => c !== v[i]) : k;
    for (const c of changed.length > 0 ? changed : k) chars.add(c);
  }
  return chars;
}

/** Traditional → simplified Chinese (Taiwan variants included). Built once, on first use. */
export function traditionalToSimplified(text: string): string {
  const converter = (convert ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  const chars = (convertible ??= convertibleChars() ?? new Set());
  return chars.size === 0 || mayConvert(text, chars) ? converter(text) : text;
}

function mayConvert(text: string, chars: ReadonlySet<string>): boolean {
  for (const ch of text) if (chars.has(ch)) return true;
  return false;
}
