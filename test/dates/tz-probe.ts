// Run by extract-dates.test.ts in a child process with a given TZ: prints extractDates output and the zone offset.
import { extractDates } from '../../src/dates/index.js';

const texts = [
  'The ministry said Friday it had acted on March 3, two weeks ago, and will meet again next week.',
  'Sales fell last year and in the fourth quarter; the plant reopens Jan. 1 and closed three days ago.',
  'The vote was held Sunday; results come Thursday, 10 days later, at 5 p.m. Tuesday nights and last night too.',
  'Over the weekend, officials said the third quarter was weak; a year earlier it was strong. Thanksgiving Day.',
];
const dates = ['2020-03-08', '2020-03-29', '2020-10-25', '2020-11-01', '2019-12-31', '2021-01-01', '2020-05-25'];
process.stdout.write(JSON.stringify({
  offset: new Date(2020, 0, 1).getTimezoneOffset(),
  out: dates.flatMap((d) => texts.map((t) => extractDates(t, { articleDate: d }))),
}));
