// The named-entity model's API: tokens of a document -> BIO tags ("Huawei Technologies Ltd." -> B-ORG I-ORG I-ORG).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { deserializeModel } from './model.js';

export { bioToSpans } from './eval.js';

/** A token as the pipeline hands it over; `pos` is compromise's coarse tag (Noun, ProperNoun, Verb, ...). */
export interface NerToken {
  text: string;
  pos?: string;
}

/** A loaded tagger. */
export interface NerModel {
  /** BIO tags ('B-PER', 'I-ORG', 'O', ...) per token, for all sentences of one document at once. */
  tagDocument(sentences: NerToken[][]): string[][];
}

/** models/ner.model.json.gz at the package root, from src/ner/ or dist/ner/ alike. */
export const DEFAULT_NER_MODEL_PATH = fileURLToPath(new URL('../../models/ner.model.json.gz', import.meta.url));

const cache = new Map<string, NerModel>();

/**
 * Loads (once per process and path) the shipped NER model.
 * @example loadNerModel().tagDocument([[{ text: 'Huawei' }, { text: 'said' }]]) // [['B-ORG', 'O']]
 */
export function loadNerModel(path: string = DEFAULT_NER_MODEL_PATH): NerModel {
  const hit = cache.get(path);
  if (hit) return hit;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new InputError(`NER model ${path} cannot be read; run "npm run train" to build it.`, { file: path, cause });
  }
  const { tagger } = deserializeModel(bytes, path);
  const model: NerModel = { tagDocument: (sentences) => tagger.tagDocument(sentences) };
  cache.set(path, model);
  return model;
}
