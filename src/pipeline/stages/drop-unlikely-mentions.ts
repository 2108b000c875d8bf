// Drops tagger output that names no actor: "We", "The", "January", "Monday", "didn’t".
import type { Doc, Mention } from '../../model/types.js';
import type { Stage } from '../stage.js';

const PRONOUNS_AND_DETERMINERS = /^(?:i|we|you|he|she|it|they|me|us|him|her|them|our|their|his|its|my|your|this|that|these|those|the|a|an|some|any|one|other|another|each|every|all)$/iu;
const MONTHS = /^(?:January|February|March|April|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)$/u;
const WEEKDAYS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.?|Tue\.?|Tues\.?|Wed\.?|Thu\.?|Thurs\.?|Fri\.?|Sat\.?|Sun\.?)$/u;

/**
 * Why a mention names no actor, or undefined when it may.
 * @example whyUnlikely({ text: 'January', class: 'LOC', ... }, []) // 'month or weekday'
 */
export function whyUnlikely(m: Mention, dates: readonly { start: number; end: number }[]): string | undefined {
  // "US" is the country, not the pronoun: an all-capital word of two or more letters is never a pronoun.
  const words = m.text.split(/\s+/u).map((w) => (/^\p{Lu}{2,}$/u.test(w) ? 'X' : w));
  if (!/\p{Lu}/u.test(m.text)) return 'no capital letter';
  if (words.every((w) => PRONOUNS_AND_DETERMINERS.test(w) || !/\p{Lu}/u.test(w))) return 'pronoun or description';
  if (PRONOUNS_AND_DETERMINERS.test(words[0]!) && words.slice(1).every((w) => !/\p{Lu}/u.test(w))) return 'description';
  if (dates.some((d) => d.start <= m.start && m.end <= d.end)) return 'inside a date';
  // "May" may be Theresa May; a month name tagged as a person is left to the dates layer above.
  if (WEEKDAYS.test(m.text) || (MONTHS.test(m.text) && m.class !== 'PER')) return 'month or weekday';
  return undefined;
}

export const dropUnlikelyMentions: Stage = {
  name: 'drop-unlikely-mentions',
  requires: ['mentions'],
  assigns: ['mentions'],
  run(doc: Doc, ctx) {
    const mentions = doc.mentions.filter((m) => {
      const why = whyUnlikely(m, doc.dates);
      if (why) ctx.debug(() => `drop "${m.text}" ${m.class} at ${m.start}: ${why}`);
      return !why;
    });
    return { ...doc, mentions };
  },
};
