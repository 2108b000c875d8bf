// Reads the CoNLL-2003 files from ../shared/data/conll2003/ (never copied into the repository) as NER documents.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConll, splitDocuments } from '../src/ner/conll.js';
import { tagPos } from '../src/nlp/pos.js';
import type { TrainDocument } from '../src/ner/train.js';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CONLL_DIR = process.env.NER_DATA_DIR ?? fileURLToPath(new URL('../../shared/data/conll2003/', import.meta.url));

/** Stories of one CoNLL file ('eng.train' or 'eng.testa'); with `pos`, tokens carry compromise's coarse POS. */
export function readConllDocuments(file: string, pos = false): TrainDocument[] {
  const text = readFileSync(CONLL_DIR + file, 'utf8');
  return splitDocuments(parseConll(text)).map((doc) => {
    const tags = pos ? tagPos(doc.map((s) => s.tokens)) : undefined;
    return doc.map((s, i) => ({ tokens: s.tokens.map((text, j) => (tags ? { text, pos: tags[i]![j]! } : { text })), tags: s.tags }));
  });
}

/** Simple `--name value` / `--flag` options of a script. */
export function scriptOptions(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), 'true');
  }
  return out;
}
