// npm run eval: scores the shipped NER model on eng.testa (exact span, conlleval-style) and times it.
// Options: --model FILE (default models/ner.model.json.gz)

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatScores, scoreSpans } from '../src/ner/eval.js';
import { loadNerModel, type NerToken } from '../src/ner/index.js';
import { deserializeModel } from '../src/ner/model.js';
import { PACKAGE_ROOT, readConllDocuments, scriptOptions } from './ner-data.js';

const opts = scriptOptions(process.argv.slice(2));
const path = resolve(PACKAGE_ROOT, opts.get('model') ?? 'models/ner.model.json.gz');

const t0 = performance.now();
const model = loadNerModel(path);
const loadMs = performance.now() - t0;
const { info, tagger } = deserializeModel(readFileSync(path), path);

const docs = readConllDocuments('eng.testa');
const inputs: NerToken[][][] = docs.map((d) => d.map((s) => s.tokens.map((t) => ({ ...t }))));
const tokens = docs.reduce((a, d) => a + d.reduce((b, s) => b + s.tokens.length, 0), 0);

// Scores come from the loaded API model; timing uses a fresh tagger of the same file, cache cleared per run.
const scored = inputs.flatMap((d) => model.tagDocument(d));
let predicted: string[][] = [];
let bestMs = Infinity;
let bestCpuMs = Infinity;
for (let run = 0; run < 3; run++) {
  tagger.clearCache(); // each timed run starts without cached word features
  const t = performance.now();
  const cpu = process.cpuUsage();
  predicted = inputs.flatMap((d) => tagger.tagDocument(d));
  const used = process.cpuUsage(cpu);
  bestCpuMs = Math.min(bestCpuMs, (used.user + used.system) / 1000);
  bestMs = Math.min(bestMs, performance.now() - t);
}
const gold = docs.flatMap((d) => d.map((s) => [...s.tags]));

console.log(`model ${path}: ${String(info.features)} features, trained ${String(info.trainedAt ?? '?')}`);
console.log(`eng.testa: ${docs.length} documents, ${gold.length} sentences, ${tokens} tokens; exact-span scores:\n`);
console.log(formatScores(scoreSpans(gold, scored)));
if (predicted.flat().join() !== scored.flat().join()) throw new Error('timed tagger and loaded model disagree');
console.log(`\nmodel load: ${loadMs.toFixed(0)} ms`);
// On a shared machine wall time includes waiting for a core; CPU time is what one core needs.
console.log(`tagger alone (features + two Viterbi passes, one thread): ${Math.round(tokens / (bestCpuMs / 1000))} tokens per CPU-second, ${Math.round(tokens / (bestMs / 1000))} tokens/s wall clock`);
