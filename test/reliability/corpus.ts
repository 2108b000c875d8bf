// Generated JSON Lines corpora of short news items whose actors overlap, for the fault and concurrency tests.
import { writeFileSync } from 'node:fs';

const ORGS = ['Globex Inc.', 'Initech Corp.', 'Acme Widgets Ltd.', 'Umbrella Holdings', 'Stark Industries', 'Wayne Enterprises', 'Cyberdyne Systems', 'Tyrell Corp.'];
const COUNTRIES = ['Ruritania', 'Freedonia', 'Latveria', 'Genovia', 'Elbonia', 'Sokovia'];
const PEOPLE = ['Maria Kowalski', 'James Okafor', 'Chen Wei', 'Anna Lindqvist', 'Rahul Mehta', 'Sofia Rossi'];
const CHARGES = ['fraud', 'dumping steel', 'spying on rivals', 'hiding losses', 'breaking sanctions'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
/** Plain lowercase words (no names, no event verbs) for each article's own sentence. */
const FILLER = ('harbour quarterly steel grain freight copper rates cargo ledger margin tariff contract barrel wheat ' +
  'timber cotton export import shipment invoice dividend pension bond yield rail port crane silo depot warehouse ' +
  'audit budget payroll subsidy quota levy licence permit tender lease asset equity').split(' ');

/** 30 words that differ from article to article, so no two generated articles look like reprints of each other. */
function ownSentence(n: number): string {
  let x = (n + 1) * 2654435761;
  const words: string[] = [];
  for (let i = 0; i < 30; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    words.push(FILLER[x % FILLER.length]!);
  }
  return ` Analysts listed ${words.join(' ')} as items to watch.`;
}

export interface GeneratedArticle {
  readonly id: string;
  readonly date: string;
  readonly text: string;
}

/**
 * Article `n` of the generated corpus: the same n always gives the same text.
 * @example article(3).id // 'gen-0003'
 */
export function article(n: number, variant = ''): GeneratedArticle {
  const p = (list: readonly string[], k: number): string => list[(n * k + Math.floor(n / list.length)) % list.length]!;
  const org = p(ORGS, 1);
  const other = ORGS[(ORGS.indexOf(org) + 1 + (n % 3)) % ORGS.length]!;
  const text =
    `The government of ${p(COUNTRIES, 5)} on ${p(DAYS, 3)} accused ${org} of ${p(CHARGES, 7)}, officials said. ` +
    `${p(PEOPLE, 11)}, a spokesperson for ${other}, criticized ${org} and said ${other} would sue it.${ownSentence(n)}${variant}`;
  const day = String(1 + (n % 28)).padStart(2, '0');
  return { id: `gen-${String(n).padStart(4, '0')}`, date: `2021-0${1 + (n % 9)}-${day}`, text };
}

/** Writes articles [from, to) as JSON Lines. */
export function writeCorpus(file: string, from: number, to: number, variant = ''): GeneratedArticle[] {
  const items = Array.from({ length: to - from }, (_, i) => article(from + i, variant));
  writeFileSync(file, `${items.map((a) => JSON.stringify(a)).join('\n')}\n`);
  return items;
}
