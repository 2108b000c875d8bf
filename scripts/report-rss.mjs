// Preloaded with `node --import scripts/report-rss.mjs …` by the reliability tests and the bench: on exit, writes the
// process's peak RSS in KB (worker threads included) to the file named by NG_RSS_FILE. VmHWM of its own address
// space, not process.resourceUsage().maxRSS: Linux carries that across fork+exec, so a child of a big jest or bench
// process would report its parent's RSS at the spawn.
import { readFileSync, writeFileSync } from 'node:fs';

function peakKb() {
  try {
    return Number(/VmHWM:\s*(\d+)/u.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {
    return process.resourceUsage().maxRSS;
  }
}

process.on('exit', () => {
  if (process.env.NG_RSS_FILE) writeFileSync(process.env.NG_RSS_FILE, String(peakKb()));
});
