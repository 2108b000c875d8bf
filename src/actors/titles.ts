// Titles, honorifics and roles: "President Donald Trump" -> title "President"; "ministry spokesman" -> role.

/** Capitalised titles and honorifics that precede a person's name; multi-word ones are matched word by word. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'vice', 'prime', 'minister', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess',
  'emperor', 'sheikh', 'emir', 'sultan', 'pope', 'secretary', 'general', 'senator', 'sen.', 'rep.', 'representative',
  'congressman', 'congresswoman', 'governor', 'gov.', 'mayor', 'gen.', 'adm.', 'admiral', 'col.', 'colonel', 'lt.',
  'lieutenant', 'maj.', 'major', 'capt.', 'captain', 'chairman', 'chairwoman', 'chair', 'ceo', 'chief', 'executive',
  'director', 'ambassador', 'envoy', 'judge', 'justice', 'speaker', 'leader', 'commissioner', 'deputy', 'state',
  'foreign', 'defense', 'defence', 'commerce', 'trade', 'finance', 'treasury', 'interior', 'home', 'attorney',
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sir', 'dame', 'lord', 'lady', 'spokesman', 'spokeswoman', 'spokesperson',
  'founder', 'co-founder', 'officer', 'head', 'party', 'general-secretary', 'secretary-general',
]);

/** Words that make a run of TITLE_WORDS a title (not just "State" or "Foreign" on their own). */
export const TITLE_HEADS: ReadonlySet<string> = new Set([
  'president', 'minister', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'emperor', 'sheikh',
  'emir', 'sultan', 'pope', 'secretary', 'senator', 'sen.', 'rep.', 'representative', 'congressman', 'congresswoman',
  'governor', 'gov.', 'mayor', 'general', 'gen.', 'adm.', 'admiral', 'col.', 'colonel', 'maj.', 'capt.', 'captain',
  'chairman', 'chairwoman', 'chair', 'ceo', 'director', 'ambassador', 'envoy', 'judge', 'justice', 'speaker',
  'leader', 'commissioner', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sir', 'dame', 'lord', 'lady', 'officer',
  'founder', 'co-founder', 'secretary-general', 'general-secretary', 'spokesman', 'spokeswoman', 'spokesperson',
]);

/** Roles that speak for an organisation: "a ministry spokesman, Zhao Lijian" -> SPOKESPERSON_FOR. */
export const SPOKESPERSON_WORDS: ReadonlySet<string> = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople']);

/** Honorifics that say nothing about the role ("Mr. Zhao"). */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sir', 'dame', 'mr', 'mrs', 'ms', 'dr']);
