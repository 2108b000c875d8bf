// Test helper: runs the actor stages (as pipeline.ts orders them) over a marked-up doc.
import type { Doc } from '../../src/model/types.js';
import { dropUnlikelyMentions } from '../../src/pipeline/stages/drop-unlikely-mentions.js';
import { extractGovernmentBodies } from '../../src/pipeline/stages/extract-government-bodies.js';
import { linkAffiliations } from '../../src/pipeline/stages/link-affiliations.js';
import { linkReferences } from '../../src/pipeline/stages/link-references.js';
import { reclassifyMentions } from '../../src/pipeline/stages/reclassify-mentions.js';
import { resolveEntities } from '../../src/pipeline/stages/resolve-entities.js';
import { resolveMetonymy } from '../../src/pipeline/stages/resolve-metonymy.js';
import { trimMentions } from '../../src/pipeline/stages/trim-mentions.js';
import { markedDoc, testContext } from './marked-doc.js';

export const ACTOR_STAGES = [trimMentions, dropUnlikelyMentions, extractGovernmentBodies, reclassifyMentions, resolveMetonymy, resolveEntities, linkReferences, linkAffiliations];

export function resolveActors(marked: string, id?: string): Doc {
  let doc = markedDoc(marked, id);
  const ctx = testContext();
  for (const stage of ACTOR_STAGES) doc = stage.run(doc, ctx);
  return doc;
}

/** The entity that has a mention with this surface text. */
export function entityOf(doc: Doc, surface: string) {
  return doc.entities.find((e) => e.mentions.some((m) => m.text === surface));
}
