// The default stage order. Each position has a reason, given beside it.
import { buildPipeline, type Pipeline } from './run.js';
import { extractTokens } from './stages/extract-tokens.js';
import { extractEntities } from './stages/extract-entities.js';
import { extractDates } from './stages/extract-dates.js';
import { resolveEntities } from './stages/resolve-entities.js';
import { extractEvents } from './stages/extract-events.js';

export const DEFAULT_STAGES = [
  extractTokens, // every later stage reads sentences and tokens
  extractEntities, // named mentions need tokens only
  extractDates, // dates need sentence bounds (tense of the clause); independent of entities
  resolveEntities, // clusters mentions into actors before events refer to them by id
  extractEvents, // needs actors for source/targets and dates for the event's date
] as const;

let cached: Pipeline | undefined;

/** The default pipeline, built (and checked) once per process. */
export function defaultPipeline(): Pipeline {
  cached ??= buildPipeline(DEFAULT_STAGES);
  return cached;
}
