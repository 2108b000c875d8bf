// Gazetteer lookup: "Bosnia and Herzegovina" in a sentence -> features gz=COUNTRY:B, gz=COUNTRY:I, gz=COUNTRY:E.

/** Gazetteer lists by category (COUNTRY, CAPITAL, CITY, DEMONYM, FIRST, CORPSUF, ...), phrases as written. */
export type GazetteerData = Record<string, readonly string[]>;

const PHRASE_SPLIT = /\s+|(?=[,()])|(?<=[,()])/;

/** Splits a list phrase into CoNLL-like lower-case tokens: "Côte d'Ivoire" -> ["côte", "d'ivoire"]. */
export function phraseTokens(phrase: string): string[] {
  return phrase
    .split(PHRASE_SPLIT)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0);
}

/**
 * Matches the phrases of a GazetteerData in token sequences. A match must begin and end on a capitalised
 * token (so "in" never matches a city named "In"); all-caps headlines match too.
 * @example new Gazetteer({ COUNTRY: ['China'] }).match(['China', "'s"]) // [['gz=COUNTRY:U'], []]
 */
export class Gazetteer {
  private readonly phrases = new Map<string, string[]>();
  private readonly maxLen: number;

  constructor(readonly data: GazetteerData) {
    let maxLen = 1;
    for (const [cat, list] of Object.entries(data)) {
      for (const phrase of list) {
        const toks = phraseTokens(phrase);
        if (toks.length === 0 || toks.length > 6) continue;
        maxLen = Math.max(maxLen, toks.length);
        const key = toks.join(' ');
        const cats = this.phrases.get(key);
        if (!cats) this.phrases.set(key, [cat]);
        else if (!cats.includes(cat)) cats.push(cat);
      }
    }
    this.maxLen = maxLen;
  }

  /** Categories of one lower-case word or phrase, or undefined. */
  lookup(lowerPhrase: string): readonly string[] | undefined {
    return this.phrases.get(lowerPhrase);
  }

  /** Per token, the gazetteer features of every phrase that covers it. `lower` is optional precomputed. */
  match(tokens: readonly string[], lower?: readonly string[]): string[][] {
    const n = tokens.length;
    const low = lower ?? tokens.map((t) => t.toLowerCase());
    const out: string[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++) {
      if (!isCapitalised(tokens[i]!)) continue;
      let key = '';
      for (let len = 1; len <= this.maxLen && i + len <= n; len++) {
        key = len === 1 ? low[i]! : key + ' ' + low[i + len - 1]!;
        const last = tokens[i + len - 1]!;
        if (!isCapitalised(last)) continue;
        const cats = this.phrases.get(key);
        if (!cats) continue;
        for (const cat of cats) {
          if (len === 1) out[i]!.push('gz=' + cat + ':U');
          else {
            out[i]!.push('gz=' + cat + ':B');
            for (let k = i + 1; k < i + len - 1; k++) out[k]!.push('gz=' + cat + ':I');
            out[i + len - 1]!.push('gz=' + cat + ':E');
          }
        }
      }
    }
    return out;
  }
}

/** First letter upper case, or a leading digit / dot form such as "U.S." or "3M". */
export function isCapitalised(token: string): boolean {
  const c = token.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122) return false;
  if (c >= 48 && c <= 57) return /[A-Z]/.test(token);
  const ch = token[0]!;
  return ch !== ch.toLowerCase();
}
