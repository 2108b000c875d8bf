// Doc -> the public extraction record (what `newsgraph extract` prints and scorers read).
import type { Doc, ExtractionRecord } from '../model/types.js';

/** Version of schema/extraction.schema.json that every record states in `schemaVersion`. */
export const SCHEMA_VERSION = 1;

export function toRecord(doc: Doc): ExtractionRecord {
  const a = doc.article;
  return {
    schemaVersion: SCHEMA_VERSION,
    article: {
      id: a.id,
      date: a.date,
      ...(a.file !== undefined ? { file: a.file } : {}),
      ...(a.title !== undefined ? { title: a.title } : {}),
      ...(a.url !== undefined ? { url: a.url } : {}),
      ...(a.source !== undefined ? { source: a.source } : {}),
    },
    entities: doc.entities,
    references: doc.references,
    events: doc.events,
    nonFactual: doc.nonFactual,
    dates: doc.dates.map(({ source: _source, ...d }) => d),
  };
}
