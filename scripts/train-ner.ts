// npm run train: trains the NER model on eng.train (eng.testa only for per-epoch reporting) -> models/ner.model.json.gz.
// Options: --epochs1 N --epochs2 N --folds N --seed N --out FILE --no-dev --limit DOCS --pos --no-lexicon --no-lcword
// --no-clusters

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { trainNer } from '../src/ner/train.js';
import { buildGazetteer, lowercaseWords } from './ner-gazetteer.js';
import { PACKAGE_ROOT, readConllDocuments, scriptOptions } from './ner-data.js';
import { buildClusters } from './ner-clusters.js';

const opts = scriptOptions(process.argv.slice(2));
const num = (name: string, dflt: number): number => Number(opts.get(name) ?? dflt);
const out = resolve(PACKAGE_ROOT, opts.get('out') ?? 'models/ner.model.json.gz');
const t0 = Date.now();
const pos = opts.has('pos'); // compromise POS did not help on eng.testa (92.1 vs 92.4), so it is off by default
let train = readConllDocuments('eng.train', pos);
if (opts.has('limit')) train = train.slice(0, num('limit', train.length));
const dev = opts.has('no-dev') ? undefined : readConllDocuments('eng.testa', pos);
console.log(`eng.train: ${train.length} documents, ${train.reduce((a, d) => a + d.length, 0)} sentences`);
// Word clusters from unlabelled text only (eng.train tokens, TBAQ texts, corpus/), never from eng.testa.
const clusters = opts.has('no-clusters') ? undefined : buildClusters();
if (clusters) console.log(`clusters: ${clusters.data.split('\n').length} words from ${JSON.stringify(clusters.sources)} tokens`);
const trained = trainNer(train, {
  epochs1: num('epochs1', 12),
  epochs2: num('epochs2', 12),
  folds: num('folds', 5),
  seed: num('seed', 20030531),
  gazetteer: { ...buildGazetteer(!opts.has('no-lexicon')), ...(opts.has('no-lcword') ? {} : { LCWORD: lowercaseWords(train.map((d) => d.map((s) => s.tokens.map((t) => t.text)))) }) },
  minCount: num('min-count', 1),
  usePos: pos,
  ...(clusters ? { clusters: clusters.data } : {}),
  dev,
  log: (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`),
});
const bytes = trained.serialize({ trainedOn: 'CoNLL-2003 eng.train', trainedAt: new Date().toISOString().slice(0, 10) });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`wrote ${out} (${(bytes.length / 1e6).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
