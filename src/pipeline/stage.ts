// The stage contract: a pure function over the Doc that declares the layers it reads and writes.
import type { Doc, Layer } from '../model/types.js';

export interface Context {
  /** The article's publication date, YYYY-MM-DD: what "Monday" or "last week" is relative to. */
  readonly referenceDate: string;
  readonly options: Readonly<Record<string, unknown>>;
  /** Lazy debug output: the closure runs only when debugging is on. */
  debug(message: () => string): void;
}

export interface Stage {
  /** Same as the file name, starting with a verb: 'extract-entities'. */
  readonly name: string;
  readonly requires: readonly Layer[];
  readonly assigns: readonly Layer[];
  run(doc: Doc, ctx: Context): Doc;
}
