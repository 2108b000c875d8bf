// Government bodies: "China’s foreign ministry" -> Foreign Ministry of China; "Department of Commerce" -> Commerce Department.
import { takesArticle } from './countries.js';

/** Head nouns of government bodies, lower case. */
export const BODY_KINDS: ReadonlySet<string> = new Set(['ministry', 'department', 'administration', 'commission', 'agency', 'bureau']);

/** Lower-case words that may name a body's remit: "foreign ministry", "commerce department". */
export const TOPIC_WORDS: ReadonlySet<string> = new Set([
  'foreign', 'commerce', 'trade', 'defense', 'defence', 'finance', 'financial', 'interior', 'justice', 'education',
  'health', 'agriculture', 'energy', 'industry', 'environment', 'environmental', 'culture', 'labor', 'labour',
  'transport', 'transportation', 'economy', 'economic', 'information', 'security', 'public', 'state', 'home',
  'treasury', 'science', 'technology', 'communications', 'propaganda', 'external', 'affairs', 'intelligence',
  'immigration', 'customs', 'tax', 'revenue', 'war', 'homeland', 'veterans', 'housing', 'development', 'water',
  'resources', 'natural', 'emergency', 'management', 'planning', 'reform', 'national', 'and', 'international',
]);

/** US executive departments: "the Commerce Department" with no country named is the US one. */
export const US_DEPARTMENT_TOPICS: ReadonlySet<string> = new Set([
  'state', 'treasury', 'defense', 'justice', 'interior', 'agriculture', 'commerce', 'labor', 'health and human services',
  'housing and urban development', 'transportation', 'energy', 'education', 'veterans affairs', 'homeland security',
]);

/** Remit synonyms folded onto one word so "Ministry of Foreign Affairs" and "foreign ministry" share a key. */
const TOPIC_SYNONYMS: Readonly<Record<string, string>> = {
  'foreign affairs': 'foreign',
  'external affairs': 'foreign',
  defence: 'defense',
  labour: 'labor',
};

function titleCase(s: string): string {
  return s.replace(/\b(\p{Ll})(\p{L}*)/gu, (w, a: string, b: string) => (w === 'and' || w === 'of' ? w : a.toUpperCase() + b));
}

/**
 * The canonical name of a body from its remit and kind, in "<Remit> <Kind>" order.
 * @example canonicalBody('Foreign Affairs', 'Ministry') // 'Foreign Ministry'
 */
export function canonicalBody(topic: string, kind: string): string {
  const t = topic.toLowerCase().replace(/\s+/gu, ' ').trim();
  return titleCase(`${TOPIC_SYNONYMS[t] ?? t} ${kind.toLowerCase()}`);
}

/**
 * The shown name of a country's body.
 * @example bodyDisplayName('Foreign Ministry', 'China') // 'Foreign Ministry of China'
 */
export function bodyDisplayName(canonical: string, country: string | undefined): string {
  if (!country) return canonical;
  // US federal departments go by "US <Remit> Department" (AP style; the corpus guidelines' canonical form).
  if (country === 'United States' && /\bDepartment$/u.test(canonical)) return `US ${canonical}`;
  return `${canonical} of ${takesArticle(country) ? 'the ' : ''}${country}`;
}
