// The event layer: find (triggers and roles), date, merge; the stage in src/pipeline/stages/extract-events.ts.
export { findEvents, type FoundEvent } from './find-events.js';
export { dateEvents, type DatedEvent } from './date-events.js';
export { mergeEvents, type MergedEvent } from './merge-events.js';
export { lookupTrigger, verbForms } from './lexicon.js';
