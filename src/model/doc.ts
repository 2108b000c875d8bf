import type { Article, Doc } from './types.js';

/** A document with no layers yet. */
export function newDoc(article: Article): Doc {
  return {
    article,
    sentences: [],
    tokens: [],
    mentions: [],
    entities: [],
    references: [],
    dates: [],
    events: [],
    nonFactual: [],
  };
}

/** True when `span` lies inside `text` and slices to `surface`. */
export function spanMatches(text: string, span: { start: number; end: number }, surface: string): boolean {
  return span.start >= 0 && span.end <= text.length && span.start <= span.end && text.slice(span.start, span.end) === surface;
}
