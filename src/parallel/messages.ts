// Messages between the extraction pool and its workers.
import type { GraphRows } from '../graph/types.js';
import type { Article, ExtractionRecord } from '../model/types.js';

export interface WorkerRequest {
  readonly seq: number;
  readonly article: Article;
  readonly withRows: boolean;
}

export type WorkerResponse =
  | { readonly seq: number; readonly record: ExtractionRecord; readonly rows?: GraphRows; readonly error?: undefined }
  | { readonly seq: number; readonly error: string };
