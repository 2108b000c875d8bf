// Word lists and number words for temporal expressions: "twenty-four" -> 24, "Sept." -> 9.

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
  'jan.': 1, 'feb.': 2, 'mar.': 3, 'apr.': 4, 'jun.': 6, 'jul.': 7, 'aug.': 8, 'sep.': 9, 'sept.': 9, 'oct.': 10,
  'nov.': 11, 'dec.': 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11,
  dec: 12,
};
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.|Jul\\.|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
/** Full month names only: an abbreviation alone ("Jan") is too often something else. */
export const FULL_MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

export const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

export const PART_OF_DAY: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI', overnight: 'NI',
};

const SMALL: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  single: 1, couple: 2, half: 0.5, dozen: 12,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const VAGUE = new Set(['few', 'several', 'many', 'some', 'hundreds', 'thousands', 'dozens', 'numerous']);

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

const TENS_RE = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?';
const SMALL_RE = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
/** Number phrase inside a temporal expression; 'X' for vague amounts ("several", "a few"). */
export const NUM_RE =
  // "two and a half years" first: the alternation takes the first that fits, and "two" alone would leave "and a half".
  `(?:(?:\\d+|${TENS_RE}|${SMALL_RE})\\s+and\\s+a\\s+half|\\d+(?:\\.\\d+)?(?:\\s+\\d/\\d)?|\\d/\\d|a\\s+half|half\\s+an?|a\\s+couple\\s+of|couple\\s+of|a\\s+few|a\\s+dozen|` +
  `${TENS_RE}|a\\s+hundred|one\\s+hundred|another|an?|${SMALL_RE}|several|few|many|dozens\\s+of|hundreds\\s+of|a\\s+single|single)`;

export function parseNumber(raw: string): number | 'X' | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const frac = /^(\d+ )?(\d)\/(\d)$/.exec(s);
  if (frac) return (frac[1] ? Number(frac[1]) : 0) + Number(frac[2]) / Number(frac[3]);
  if (s === 'a half' || s === 'half a' || s === 'half an') return 0.5;
  const andHalf = /^(.+) and a half$/.exec(s);
  if (andHalf) {
    const whole = parseNumber(andHalf[1]!);
    return typeof whole === 'number' ? whole + 0.5 : null;
  }
  if (s === 'a couple of' || s === 'couple of') return 2;
  if (s === 'a dozen') return 12;
  if (s === 'a hundred' || s === 'one hundred') return 100;
  if (s === 'a single' || s === 'another') return 1; // "for another year": one more
  const words = s.split(/[- ]/).filter((w) => w !== 'of' && w !== 'a');
  if (words.length === 0) return 1; // "a"
  if (words.some((w) => VAGUE.has(w))) return 'X';
  let total = 0;
  for (const w of words) {
    if (w in TENS) total += TENS[w]!;
    else if (w in SMALL) total += SMALL[w]!;
    else return null;
  }
  return total;
}
