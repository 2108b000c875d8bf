// compromise's own word lists as NER gazetteers: "aston villa" -> SPORTSTEAM, "university" -> ORGWORD.
import nlp from 'compromise';

const CATEGORIES: Record<string, string> = {
  Organization: 'C_ORG',
  SportsTeam: 'C_TEAM',
  Person: 'C_PER',
  LastName: 'C_LAST',
  FirstName: 'C_FIRST',
  MaleName: 'C_FIRST',
  FemaleName: 'C_FIRST',
  Honorific: 'C_HON',
  City: 'C_CITY',
  Region: 'C_REGION',
  Country: 'C_COUNTRY',
  Place: 'C_PLACE',
  Demonym: 'C_DEMONYM',
  Month: 'C_MONTH',
  WeekDay: 'C_DAY',
};

/**
 * Gazetteer lists drawn from compromise's lexicon (people, places, organisations, teams, honorifics, months)
 * and its organisation and place head words (ORGWORD "association", PLACEWORD "river").
 * @example nerLexicon().C_TEAM.includes('aston villa') // true
 */
export function nerLexicon(): Record<string, string[]> {
  const world = nlp.world() as unknown as {
    model: { one: { lexicon: Record<string, string | string[]> }; two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> } };
  };
  const out: Record<string, Set<string>> = {};
  for (const [word, tag] of Object.entries(world.model.one.lexicon)) {
    for (const t of Array.isArray(tag) ? tag : [tag]) {
      const cat = CATEGORIES[t];
      if (cat) (out[cat] ??= new Set()).add(word);
    }
  }
  out.ORGWORD = new Set(Object.keys(world.model.two.orgWords));
  out.PLACEWORD = new Set(Object.keys(world.model.two.placeWords));
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}
