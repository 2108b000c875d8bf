// The default stage order. Each position has a reason, given beside it.
import { buildPipeline, type Pipeline } from './run.js';
import { extractTokens } from './stages/extract-tokens.js';
import { extractEntities } from './stages/extract-entities.js';
import { extractDates } from './stages/extract-dates.js';
import { trimMentions } from './stages/trim-mentions.js';
import { dropUnlikelyMentions } from './stages/drop-unlikely-mentions.js';
import { extractGovernmentBodies } from './stages/extract-government-bodies.js';
import { reclassifyMentions } from './stages/reclassify-mentions.js';
import { resolveMetonymy } from './stages/resolve-metonymy.js';
import { resolveEntities } from './stages/resolve-entities.js';
import { linkReferences } from './stages/link-references.js';
import { linkAffiliations } from './stages/link-affiliations.js';
import { extractGroups } from './stages/extract-groups.js';
import { extractEvents } from './stages/extract-events.js';

export const DEFAULT_STAGES = [
  extractTokens, // every later stage reads sentences and tokens
  extractEntities, // named mentions need tokens only
  extractDates, // dates need sentence bounds (tense of the clause); independent of entities
  trimMentions, // names only: later stages compare mention texts ("US decision" -> "US")
  dropUnlikelyMentions, // after dates, so a month or weekday tagged as a name is known as a date
  extractGovernmentBodies, // replaces tagger spans over "foreign ministry" before classes are voted on
  reclassifyMentions, // gazetteer and context classes before metonymy looks for LOC capitals
  resolveMetonymy, // "Beijing criticized" must carry its country before mentions are clustered by key
  resolveEntities, // clusters mentions into actors before events refer to them by id
  linkReferences, // "the company" needs actors with subtypes to point at
  linkAffiliations, // reads references ("a ministry spokesman") and actors
  extractGroups, // after named actors and references: members are named entities, and "the companies" is only a group's when no entity took it
  extractEvents, // needs actors for source/targets and dates for the event's date
] as const;

let cached: Pipeline | undefined;

/** The default pipeline, built (and checked) once per process. */
export function defaultPipeline(): Pipeline {
  cached ??= buildPipeline(DEFAULT_STAGES);
  return cached;
}
