// Word clusters for the NER model from the project's own unlabelled text: eng.train tokens (labels unused),
// the TempEval-3 TBAQ article texts and corpus/*.txt. Run alone (npm run clusters) it prints a sample.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterWords, tokenizePlain, type ClusterOptions } from '../src/ner/clusters.js';
import { normalizeToken } from '../src/ner/features.js';
import { PACKAGE_ROOT, readConllDocuments } from './ner-data.js';

export const TBAQ_PATH = process.env.TBAQ_PATH ?? fileURLToPath(new URL('../../shared/data/tempeval3/tbaq.jsonl', import.meta.url));

/** Sentences of unlabelled text: eng.train (tokens only), TBAQ texts, corpus articles. */
export function clusterText(): { sentences: string[][]; sources: Record<string, number> } {
  const sentences: string[][] = [];
  const sources: Record<string, number> = {};
  const push = (name: string, ss: string[][]): void => {
    for (const s of ss) sentences.push(s);
    sources[name] = ss.reduce((a, s) => a + s.length, 0);
  };
  push('eng.train', readConllDocuments('eng.train').flatMap((d) => d.map((s) => s.tokens.map((t) => normalizeToken(t.text)))));
  if (existsSync(TBAQ_PATH)) {
    const lines = readFileSync(TBAQ_PATH, 'utf8').split('\n').filter((l) => l.trim() !== '');
    push('tbaq', lines.flatMap((l) => tokenizePlain((JSON.parse(l) as { text: string }).text)));
  }
  const corpus = join(PACKAGE_ROOT, 'corpus');
  if (existsSync(corpus)) {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
    push('corpus', files.flatMap((f) => tokenizePlain(readFileSync(join(corpus, f), 'utf8'))));
  }
  return { sentences, sources };
}

/** The cluster lines ("word path") the model is trained with. */
export function buildClusters(opts: ClusterOptions = {}): { data: string; sources: Record<string, number> } {
  const { sentences, sources } = clusterText();
  return { data: clusterWords(sentences, opts), sources };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = Date.now();
  const { data, sources } = buildClusters();
  const lines = data.split('\n');
  console.log(`tokens per source: ${JSON.stringify(sources)}; ${lines.length} words clustered in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const byPrefix = new Map<string, string[]>();
  for (const l of lines) {
    const [w, p] = l.split(' ');
    const k = p!.slice(0, 10);
    if (!byPrefix.has(k)) byPrefix.set(k, []);
    byPrefix.get(k)!.push(w!);
  }
  for (const w of process.argv.slice(2)) {
    const hit = lines.find((l) => l.startsWith(w + ' '));
    const p = hit?.split(' ')[1] ?? '';
    console.log(`${w} ${p}: ${(byPrefix.get(p.slice(0, 10)) ?? []).slice(0, 25).join(' ')}`);
  }
}
