// Stage-style tables for extractDates: spans first (start, end, text), then type and value. Article date pinned.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { extractDates } from '../../src/dates/index.js';
import { pastVerbBefore, pastVerbGoverns, presentVerbSchedules, tenseAt } from '../../src/dates/tense.js';

const ARTICLE = '2020-05-25'; // a Monday

interface Row { text: string; expr: string; type: string; value: string }
const FINDS: Row[] = [
  { text: 'China demanded Monday that Washington withdraw the sanctions.', expr: 'Monday', type: 'DATE', value: '2020-05-25' },
  { text: 'The measures announced Friday expand a US campaign.', expr: 'Friday', type: 'DATE', value: '2020-05-22' },
  { text: 'The two sides will meet Friday in Geneva.', expr: 'Friday', type: 'DATE', value: '2020-05-29' },
  { text: 'The two governments signed a truce in January.', expr: 'January', type: 'DATE', value: '2020-01' },
  { text: 'Trump raised duties in 2018.', expr: '2018', type: 'DATE', value: '2018' },
  { text: 'He may travel to Beijing in May.', expr: 'May', type: 'DATE', value: '2020-05' },
  { text: 'The blacklist was expanded on May 22.', expr: 'May 22', type: 'DATE', value: '2020-05-22' },
  { text: 'Exports fell last month.', expr: 'last month', type: 'DATE', value: '2020-04' },
  { text: 'Talks resume next year.', expr: 'next year', type: 'DATE', value: '2021' },
  { text: 'The envoy arrives this week.', expr: 'this week', type: 'DATE', value: '2020-W22' },
  { text: 'The rules changed two years ago.', expr: 'two years ago', type: 'DATE', value: '2018' },
  { text: 'Earlier this month, the ministry protested.', expr: 'Earlier this month', type: 'DATE', value: '2020-05' },
  { text: 'Sales grew in the third quarter of 2019.', expr: 'the third quarter of 2019', type: 'DATE', value: '2019-Q3' },
  { text: 'The fund was created in the 1990s.', expr: 'the 1990s', type: 'DATE', value: '199X' },
  { text: 'Prices are now falling.', expr: 'now', type: 'DATE', value: 'PRESENT_REF' },
  { text: 'The company recently hired 200 engineers.', expr: 'recently', type: 'DATE', value: 'PAST_REF' },
  { text: 'The dispute has lasted two years.', expr: 'two years', type: 'DURATION', value: 'P2Y' },
  { text: 'Shops closed for three months.', expr: 'three months', type: 'DURATION', value: 'P3M' },
  { text: 'The hearing lasted five hours.', expr: 'five hours', type: 'DURATION', value: 'PT5H' },
  { text: 'The board meets every Monday.', expr: 'every Monday', type: 'SET', value: 'XXXX-WXX-1' },
  { text: 'The index is published annually.', expr: 'annually', type: 'SET', value: 'P1Y' },
  { text: 'Rebels attacked Monday morning.', expr: 'Monday morning', type: 'TIME', value: '2020-05-25TMO' },
  { text: 'The blast occurred at 10 p.m. Wednesday, police said.', expr: '10 p.m. Wednesday', type: 'TIME', value: '2020-05-20T22:00' },
  { text: 'The war began on March 3. Two days later, the capital fell.', expr: 'Two days later', type: 'DATE', value: '2020-03-05' },
  { text: 'Summer ends in the summer of 2021.', expr: 'the summer of 2021', type: 'DATE', value: '2021-SU' },
  { text: 'The group could arrive as soon as Tuesday, officials said.', expr: 'Tuesday', type: 'DATE', value: '2020-05-26' },
  { text: 'The talks are to resume Thursday, a diplomat said.', expr: 'Thursday', type: 'DATE', value: '2020-05-28' },
  { text: 'The court ruled against him and set Friday as the deadline.', expr: 'Friday', type: 'DATE', value: '2020-05-22' },
  { text: 'He will leave at dawn (4 a.m. EDT Thursday), the minister said.', expr: '4 a.m. EDT Thursday', type: 'TIME', value: '2020-05-28T04:00' },
  { text: 'Lawyers would look for ways to get around Friday\'s ruling.', expr: 'Friday', type: 'DATE', value: '2020-05-22' },
  { text: 'Sales should recover in the last half of 2020.', expr: 'the last half of 2020', type: 'DATE', value: '2020-H2' },
  { text: 'It expects higher sales in the current fiscal year.', expr: 'the current fiscal year', type: 'DATE', value: '2020' },
  { text: 'Officials voiced concern in recent months about the plan.', expr: 'recent months', type: 'DURATION', value: 'PXM' },
  { text: 'Rates are expected to fall in coming weeks.', expr: 'coming weeks', type: 'DURATION', value: 'PXW' },
  { text: 'Marti fought for independence from Spain in 1898.', expr: '1898', type: 'DATE', value: '1898' },
];

describe('extractDates finds and normalises', () => {
  it.each(FINDS)('$expr in "$text"', ({ text, expr, type, value }) => {
    const got = extractDates(text, { articleDate: ARTICLE });
    const start = text.indexOf(expr);
    const hit = got.find((d) => d.start === start);
    const debug = JSON.stringify(got);
    expect({ start: hit?.start, end: hit?.end, text: hit?.text, debug }).toEqual({ start, end: start + expr.length, text: expr, debug });
    expect({ type: hit!.type, value: hit!.value }).toEqual({ type, value });
  });

  it('does not include a leading preposition', () => {
    const got = extractDates('The truce was signed in January and on Friday.', { articleDate: ARTICLE });
    expect(got.map((d) => d.text)).toEqual(['January', 'Friday']);
  });

  it('anchors a relative expression on the earlier one and says so', () => {
    const got = extractDates('The war began on March 3. Two days later, the capital fell.', { articleDate: ARTICLE });
    expect(got[1]!.anchor).toBe('0');
    expect(got[0]!.value).toBe('2020-03-03');
  });

  it('compares "a year earlier" with the period just named in earnings copy', () => {
    const text = 'Acme said net rose in the third quarter. Net was $5 million, compared with $4 million a year earlier. ' +
      'For the nine months, net was $9 million, up from $7 million a year earlier. The year-ago quarter included a gain.';
    const got = extractDates(text, { articleDate: '1989-10-26' });
    expect(got.map((d) => [d.text, d.value])).toEqual([
      ['the third quarter', '1989-Q3'], ['a year earlier', '1988-Q3'], ['the nine months', 'P9M'], ['a year earlier', '1988'],
      ['The year-ago quarter', '1988-Q3'],
    ]);
  });

  it('keeps the reported quarter when a derived or coming quarter is named', () => {
    const text = 'Net fell in the third quarter from the year-earlier quarter. It expects a fourth-quarter charge. ' +
      'Sales in the latest quarter rose, and the quarter ended strongly.';
    const got = extractDates(text, { articleDate: '1989-11-02' });
    expect(got.map((d) => [d.text, d.value])).toEqual([
      ['the third quarter', '1989-Q3'], ['the year-earlier quarter', '1988-Q3'], ['fourth-quarter', '1989-Q4'],
      ['the latest quarter', '1989-Q3'], ['the quarter', '1989-Q3'],
    ]);
  });

  it('returns nothing for an invalid article date', () => {
    expect(extractDates('Friday', { articleDate: '2020-13-45' })).toEqual([]);
  });
});

const NOTHING = [
  'He may go to the meeting.',
  'The second player scored twice.',
  'Thousands will March on Washington.',
  'The March on Washington drew thousands.',
  'The sun rose over the sat dish.',
  'He scored 5 points in 12 minutes of play time.'.replace(' in 12 minutes of play time', ''),
  'The company sold 2000 cars.',
  'Prices fall when supply rises.',
  'The 6-year-old boy was rescued.',
  'It costs $2019 per unit.',
  'Turnout was 1,998 voters.',
  'They may well agree.',
  'A second round of talks is planned by the union.'.replace(' is planned by the union', ''),
  'The fall of the Berlin Wall changed Europe.',
  'Mr. Reupke, 52 years old, will retire.',
  'Baker said on ABC\'s "This Week" program that talks were possible.',
  'The story ran in USA Today and elsewhere.',
  'He paid 1850 pounds for the horse.',
  'A crowd of 1850 gathered outside.',
  'Thousands will March for Life in the capital.',
  'Shares rose 3 and 5 percent.',
  'Three quarters of voters agreed.',
  'The index closed at 2082, down 4.5%.',
  'The index rose to 2135.',
  'He left the day before the vote.',
  'He named the days of the week.',
  'He works in the morning.',
  'She teaches 2 in the morning classes.',
  'The bank cut the short term rate.',
  'They booked an overnight stay.',
  'Change will not happen overnight.',
];

describe('extractDates finds nothing in', () => {
  it.each(NOTHING)('%s', (text) => {
    expect(extractDates(text, { articleDate: ARTICLE })).toEqual([]);
  });
});

describe('time zone independence', () => {
  // jest's process.env is a sandbox copy, so each zone runs in its own Node process.
  const probe = (tz: string): { offset: number; out: unknown } => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'test/dates/tz-probe.ts')], {
      env: { ...process.env, TZ: tz }, encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`tz-probe failed under TZ=${tz}: ${r.stderr}`);
    return JSON.parse(r.stdout) as { offset: number; out: unknown };
  };
  it('gives the same values under UTC, Los Angeles, Tokyo and Kiritimati (DST edges included)', () => {
    const utc = probe('UTC');
    expect(utc.offset).toBe(0);
    const la = probe('America/Los_Angeles');
    expect(la.offset).toBe(480); // the zone really changed
    expect(la.out).toEqual(utc.out);
    const tokyo = probe('Asia/Tokyo');
    expect(tokyo.offset).toBe(-540);
    expect(tokyo.out).toEqual(utc.out);
    expect(probe('Pacific/Kiritimati').out).toEqual(utc.out);
  });
});

describe('tense cues', () => {
  const at = (s: string, w: string): string => tenseAt(s, s.indexOf(w), s.indexOf(w) + w.length, 0, s.length);
  it('reads past, future and none', () => {
    expect(at('The ministry announced Friday that it would act.', 'Friday')).toBe('PAST');
    expect(at('Officials will meet Friday, he said.', 'Friday')).toBe('FUTURE');
    expect(at('Friday.', 'Friday')).toBe('NONE');
    expect(at('Dozens were wounded in the blast next to the embassy on Friday.', 'Friday')).toBe('PAST');
    expect(at('They could come as soon as Friday.', 'Friday')).toBe('FUTURE');
    expect(at('The offer had been scheduled to expire Friday.', 'Friday')).toBe('PAST'); // a plan told in the past perfect
    expect(at('The offer is scheduled to expire Friday.', 'Friday')).toBe('FUTURE');
    expect(at('The talks had been planned for Friday.', 'Friday')).toBe('PAST');
    expect(at('Qantas will double its flights by August to reach markets untouched by the crisis.', 'August')).toBe('FUTURE');
    expect(at('The thrift announced the plan Friday.', 'Friday')).toBe('PAST'); // "the plan" is a noun
    expect(at('On Friday, the government planned to open a clinic.', 'Friday')).toBe('PAST'); // the planning's own day
    expect(at('The team planned to leave Nairobi on Thursday.', 'Thursday')).toBe('FUTURE'); // the leaving's day
    expect(at('Bush let the offensive begin as previously planned Saturday night.', 'Saturday')).toBe('PAST');
  });
  it('knows a past verb written right before the date, and nothing looser', () => {
    const pv = (s: string, w: string): boolean => pastVerbBefore(s, s.indexOf(w));
    expect(pv('in the year ended March 31', 'March')).toBe(true);
    expect(pv('The offer was terminated on Sept. 27.', 'Sept.')).toBe(true);
    expect(pv('He was arrested in January.', 'January')).toBe(true);
    expect(pv('The bidder has set Nov. 10 as the deadline.', 'Nov.')).toBe(false); // "set" is also the present
    expect(pv('The offer was extended to Nov. 20.', 'Nov.')).toBe(false); // "to" points at the end of a stretch
    expect(pv('The plan will be reviewed in January.', 'January')).toBe(false); // a modal looks ahead
    expect(pv('The dividend is payable Dec. 1.', 'Dec.')).toBe(false);
  });
  it('trusts a past cue further off only when the tagger reads it as the clause\'s past-tense verb', () => {
    const pg = (s: string, w: string): boolean => pastVerbGoverns(s, s.indexOf(w), s.indexOf(w) + w.length, 0, s.length);
    expect(pg('The operator changed from a fiscal year to a calendar year in June.', 'June')).toBe(true);
    expect(pg('The rebels seized the airport of the northern town in June.', 'June')).toBe(true);
    expect(pg('The company agreed to buy the unit in June.', 'June')).toBe(false); // the buying's time, not the agreeing's
    expect(pg('The ruling will be published in June.', 'June')).toBe(false); // a future passive
    expect(pg('The case is heard in June by the appeals court.', 'June')).toBe(false); // a present passive
    expect(pg('They talked about the planned visit of the envoy in June.', 'June')).toBe(false); // an adjective
    expect(pg('The bank extended the loans to June.', 'June')).toBe(false); // the end point of a stretch
    expect(pg('The union would have accepted the offer in June.', 'June')).toBe(false); // a modal
  });
  it('reads a present-tense verb of action right before a weekday as a scheduled event', () => {
    const ps = (s: string, w: string): boolean => presentVerbSchedules(s, s.indexOf(w), s.indexOf(w) + w.length, 0, s.length);
    expect(ps('The two leaders meet separately Friday with the envoy.', 'Friday')).toBe(true);
    expect(ps('The Senate votes on Friday on the bill.', 'Friday')).toBe(true);
    expect(ps('The ministry says Friday is the deadline.', 'Friday')).toBe(false); // a reporting verb
    expect(ps('Officials want to meet Friday.', 'Friday')).toBe(false); // an infinitive
    expect(ps('The leaders did not meet Friday.', 'Friday')).toBe(false); // "did" carries the tense
    expect(ps('The market fell Friday.', 'Friday')).toBe(false);
    // Article date 2020-05-25, a Monday: the Friday gone is nearer, but the present schedules the next one.
    const day = (s: string): string | undefined => extractDates(s, { articleDate: ARTICLE }).find((d) => d.text === 'Friday')?.value;
    expect(day('The two leaders meet separately Friday with the envoy.')).toBe('2020-05-29');
    expect(day('The Senate votes on Friday on the bill.')).toBe('2020-05-29');
    expect(day('The ministry says Friday was the worst day.')).toBe('2020-05-22');
  });
  it('dates a month told in the past tense on or before the article date, however far its verb', () => {
    // Article date 2020-05-25: with a weak past cue the June a month ahead would be nearer than the June gone.
    const month = (s: string): string | undefined => extractDates(s, { articleDate: ARTICLE }).find((d) => d.text === 'June')?.value;
    expect(month('The operator changed from a fiscal year to a calendar year in June.')).toBe('2019-06');
    expect(month('The rebels seized the airport of the northern town in June.')).toBe('2019-06');
    expect(month('The ruling will be published in June.')).toBe('2020-06');
    expect(month('The company expects to open the plant in June.')).toBe('2020-06');
  });
});

describe('invariants (property)', () => {
  it('every record slices to its own text, sorted, no overlaps, valid type', () => {
    const words = fc.constantFrom('Friday', 'in', 'January', 'last', 'week', 'May', 'two', 'years', 'ago', '2018', 'the',
      'third', 'quarter', 'said', 'will', 'now', 'daily', ',', '.', 'March', '3', 'next', 'month', 'a', 'day', 'later', '\n');
    fc.assert(fc.property(fc.array(words, { maxLength: 30 }), fc.constantFrom('2020-05-25', '1998-02-06', '2021-01-03'), (ws, d) => {
      const text = ws.join(' ');
      const got = extractDates(text, { articleDate: d });
      let prevEnd = 0;
      for (const r of got) {
        if (text.slice(r.start, r.end) !== r.text) return false;
        if (r.start < prevEnd || r.end <= r.start) return false;
        if (!['DATE', 'TIME', 'DURATION', 'SET'].includes(r.type)) return false;
        if (/Z$|T\d\d:\d\d:\d\d/.test(r.value)) return false; // never an ISO timestamp
        prevEnd = r.end;
      }
      return true;
    }), { numRuns: 300 });
  });
});
