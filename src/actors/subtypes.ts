// Organisation and location subtypes from name shape and context: "tech giant Huawei" -> company.

/** Last words that make an ORG name a company: "Hikvision Digital Technology Ltd.", "Siemens AG". */
const COMPANY_SUFFIX = /(?:^|\s)(?:Ltd\.?|Limited|Co\.?|Corp\.?|Corporation|Inc\.?|Incorporated|LLC|L\.L\.C\.|LLP|plc|PLC|Group|Holdings?|AG|SA|S\.A\.|SpA|S\.p\.A\.|GmbH|NV|N\.V\.|BV|B\.V\.|KK|K\.K\.|Pty|Oyj|AB|ASA|SE|Co\.,\s*Ltd\.?)$/u;
/** Words inside a name that mark a company: "Aksu Huafu Textiles", "Acme Motors". */
const COMPANY_WORDS = /\b(?:Technologies|Technology|Textiles|Industries|Industrial|Electronics|Electric|Motors|Airlines|Airways|Pharmaceuticals?|Semiconductors?|Telecom|Telecommunications|Networks|Systems|Steel|Petroleum|Energy Corp|Bank|Capital|Ventures|Foods|Mining|Logistics|Shipping|Automotive|Robotics|Software|Securities|Insurance)\b/u;
/** Context words right before a name that make it a company: "tech giant Huawei", "chipmaker SMIC". */
export const COMPANY_CONTEXT = /^(?:company|companies|firm|giant|maker|makers|manufacturer|supplier|carmaker|automaker|chipmaker|retailer|conglomerate|startup|start-up|group|operator|producer|exporter|importer|lender|bank|brand|platform|vendor|contractor|developer)$/iu;

const MEDIA = /\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Daily|Press|Television|TV|Radio|Broadcasting|Reuters|Bloomberg|Xinhua|Telegraph|Guardian|Economist|Wire|Agence France-Presse|AFP|CNN|BBC|CCTV)\b/u;
const INTERNATIONAL = /^(?:United Nations|UN|U\.N\.|European Union|EU|E\.U\.|NATO|ASEAN|OPEC|G7|G20|IMF|WTO|WHO|World Bank)$|\b(?:World|International|Organization|Organisation|Nations|Union)\b/u;
const PARTY = /\b(?:Party|Parties)$|^(?:Democrats|Republicans|Tories|Labour|Conservatives)$/u;
const GOVERNMENT_BODY = /\b(?:Ministry|Department|Administration|Agency|Commission|Bureau|Office|Council|Parliament|Congress|Senate|Cabinet|Court|Customs|Police|Army|Navy|Air Force|Assembly|Treasury|Pentagon|Kremlin|White House|Federal Reserve|Central Bank|Board|Authority|Service)\b/u;

/**
 * The subtype of an ORG from its name and the word just before it.
 * @example orgSubtype('Huawei Technologies Ltd.') // 'company'
 */
export function orgSubtype(name: string, wordBefore?: string): string | undefined {
  if (MEDIA.test(name)) return 'media';
  if (PARTY.test(name)) return 'party';
  if (COMPANY_SUFFIX.test(name)) return 'company';
  if (INTERNATIONAL.test(name)) return 'international_org';
  if (GOVERNMENT_BODY.test(name)) return 'government_body';
  if (COMPANY_WORDS.test(name)) return 'company';
  if (wordBefore && COMPANY_CONTEXT.test(wordBefore)) return 'company';
  return undefined;
}

/** Words that name a LOC's kind when they surround it: "the region of Xinjiang", "Hubei province". */
export const REGION_WORDS: ReadonlySet<string> = new Set([
  'region', 'province', 'state', 'territory', 'prefecture', 'county', 'district', 'oblast', 'canton', 'island', 'islands',
]);
export const CITY_WORDS: ReadonlySet<string> = new Set(['city', 'town', 'village', 'port', 'capital', 'municipality']);

/** Religions and ethnic groups, which CoNLL tags MISC like nationalities: "its Muslim northwestern region". */
export const RELIGIONS_AND_ETHNICITIES: ReadonlySet<string> = new Set([
  'muslim', 'muslims', 'islamic', 'christian', 'christians', 'catholic', 'catholics', 'protestant', 'orthodox', 'jewish',
  'jews', 'buddhist', 'buddhists', 'hindu', 'hindus', 'sikh', 'sikhs', 'sunni', 'shia', 'shiite', 'uighur', 'uighurs',
  'uyghur', 'uyghurs', 'tibetan', 'tibetans', 'kurdish', 'kurds', 'arab', 'arabs', 'hispanic', 'latino', 'latina',
  'rohingya', 'pashtun', 'tamil', 'tamils', 'han', 'kazakh', 'kazakhs', 'yazidi', 'druze', 'coptic', 'evangelical',
]);
