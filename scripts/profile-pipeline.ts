// node --import tsx scripts/profile-pipeline.ts [--stories 300] [--tbaq] [--rounds 1] [--golden FILE] [--check FILE]
// Per-stage CPU time of the default pipeline over corpus/ plus CoNLL eng.train stories (as `npm run bench` builds
// them), against the floor (compromise alone). CPU time (process.cpuUsage), not wall time: the machine is shared.
// --tbaq adds the TempEval-3 TBAQ articles (dense in dates).
// --golden FILE writes every article's extraction record (JSON Lines); --check FILE compares them byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readInputs } from '../src/input/read-inputs.js';
import type { Article, Doc } from '../src/model/types.js';
import { newDoc } from '../src/model/doc.js';
import { parseFloor } from '../src/nlp/parse-floor.js';
import { conllArticles, corpusArticles } from './bench-articles.js';
import { defaultPipeline } from '../src/pipeline/pipeline.js';
import { toRecord } from '../src/pipeline/record.js';
import type { Context } from '../src/pipeline/stage.js';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '1' },
    golden: { type: 'string' },
    check: { type: 'string' },
    json: { type: 'boolean', default: false },
    tbaq: { type: 'boolean', default: false },
  },
});
const STORIES = Number(values.stories);
const ROUNDS = Math.max(1, Number(values.rounds));

// ---------- articles: the same construction as scripts/bench.ts ----------

// ---------- measuring ----------

/** The checkout's root, cut from records' file paths so a golden file compares across checkouts. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const cpuMs = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1000;
const pipeline = defaultPipeline();
const stageMs = new Map<string, number>(pipeline.stages.map((s) => [s.name, 0]));

/** The pipeline's run loop, with each stage's CPU time added to stageMs. */
function runTimed(article: Article): Doc {
  let doc = newDoc(article);
  const ctx: Context = { referenceDate: article.date, options: {}, debug: () => undefined };
  for (const stage of pipeline.stages) {
    const c0 = process.cpuUsage();
    doc = stage.run(doc, ctx);
    stageMs.set(stage.name, stageMs.get(stage.name)! + cpuMs(process.cpuUsage(c0)));
  }
  return doc;
}

/** TempEval-3 TBAQ texts with their document dates (training data, never the platinum test set). */
function tbaqArticles(): Article[] {
  const file = new URL('../../shared/data/tempeval3/tbaq.jsonl', import.meta.url);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; date: string; text: string })
    .map((d) => ({ id: `tbaq-${d.id}`, date: d.date, text: d.text }));
}

const articles = [...(await corpusArticles()), ...conllArticles(STORIES), ...(values.tbaq === true ? tbaqArticles() : [])];
for (const a of articles.slice(0, 10)) pipeline.run(a); // warm up: model, lexicons, JIT
for (const a of articles.slice(0, 10)) parseFloor(a.text);

let floor = 0;
let total = 0;
const lines: string[] = [];
for (let r = 0; r < ROUNDS; r++) {
  // As the bench does: the floor over all articles, then the pipeline over all articles (each in its own block, so
  // neither pays for the other's garbage or cache misses).
  let c0 = process.cpuUsage();
  for (const a of articles) parseFloor(a.text);
  floor += cpuMs(process.cpuUsage(c0));
  c0 = process.cpuUsage();
  for (const a of articles) {
    const doc = runTimed(a);
    if (r === 0) lines.push(JSON.stringify(toRecord(doc)).replaceAll(JSON.stringify(ROOT).slice(1, -1), ''));
  }
  total += cpuMs(process.cpuUsage(c0));
}
const n = articles.length * ROUNDS;
const perArticle = (ms: number): string => (ms / n).toFixed(2).padStart(8);
const rows = [...stageMs].sort((a, b) => b[1] - a[1]);
if (values.json === true) {
  process.stdout.write(
    JSON.stringify({ articles: articles.length, rounds: ROUNDS, floorMs: floor / n, pipelineMs: total / n, ratio: total / floor, stages: Object.fromEntries(rows.map(([k, v]) => [k, v / n])) }) + '\n',
  );
} else {
  process.stdout.write(`${articles.length} articles × ${ROUNDS} round(s), CPU ms per article\n`);
  for (const [name, ms] of rows) process.stdout.write(`${name.padEnd(28)}${perArticle(ms)}  ${((ms / total) * 100).toFixed(1).padStart(5)}%\n`);
  process.stdout.write(`${'pipeline (all stages)'.padEnd(28)}${perArticle(total)}\n`);
  process.stdout.write(`${'floor: compromise alone'.padEnd(28)}${perArticle(floor)}\n`);
  process.stdout.write(`${'ratio pipeline / floor'.padEnd(28)}${(total / floor).toFixed(2).padStart(8)}×\n`);
}

const records = lines.join('\n') + '\n';
if (values.golden !== undefined) {
  writeFileSync(values.golden, records);
  process.stderr.write(`wrote ${lines.length} records to ${values.golden}\n`);
}
if (values.check !== undefined) {
  const want = readFileSync(values.check, 'utf8').split('\n');
  const got = records.split('\n');
  const diff = got.findIndex((l, i) => l !== want[i]);
  if (diff < 0 && want.length === got.length) {
    process.stderr.write(`records identical to ${values.check} (${lines.length})\n`);
  } else {
    const bad = got.filter((l, i) => l !== want[i]).length;
    process.stderr.write(`records DIFFER from ${values.check}: ${bad} of ${lines.length}, first at line ${diff + 1}\n`);
    process.exitCode = 1;
  }
}
