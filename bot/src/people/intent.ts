import type { CommandIntent } from '../shared/i18n/messages';

/**
 * What a message that matched no command most likely asks for, in any of the three languages and
 * forgiving typos: "milloin on seuraava paja?", "när är nästa workshop", "whens the next workshop",
 * "toiveeet". The one place where free text becomes a command; the commands themselves keep their
 * exact patterns.
 *
 * Words are compared after normalising (lower case, no diacritics, no punctuation), so "ryhmäni"
 * and "ryhmani" are the same word. A word counts for an intent when it is a keyword, starts with one
 * (Finnish and Swedish inflect: "pajaan", "workshopen"), or is within Damerau–Levenshtein distance
 * 1 of one (2 for words of eight letters or more) when it has at least five letters. Strong words
 * name the thing ("paja", "ryhmä"); weak ones only hint ("milloin", "next"). An intent wins when it
 * scores at least a strong word and more than any other; otherwise the person chooses from buttons.
 */
export interface IntentGuess {
  /** The intent to run, when one is clear. */
  readonly intent: CommandIntent | undefined;
  /** Every intent with a score, best first: the order of the buttons offered. */
  readonly ranked: readonly CommandIntent[];
}

const STRONG = 2;
const WEAK = 1;

/** Keywords per intent, normalised (no diacritics); strong first, then weak (prefixed with `~`). */
const KEYWORDS: Readonly<Record<CommandIntent, readonly string[]>> = {
  schedule: [
    // fi
    'ohjelma',
    'aikataulu',
    'tapahtuma',
    'paja',
    'kehittamispaja',
    'tyopaja',
    'tilaisuus',
    'tilaisuudet',
    'koulutus',
    'kalenteri',
    'aloitustilaisuus',
    'paatostilaisuus',
    // sv
    'program',
    'schema',
    'evenemang',
    'verkstad',
    'utvecklingsverkstad',
    'utbildning',
    'kalender',
    // en
    'schedule',
    'programme',
    'event',
    'workshop',
    'agenda',
    'calendar',
    'training',
    '~seuraava',
    '~milloin',
    '~tuleva',
    '~koska',
    '~nasta',
    '~nar',
    '~kommande',
    '~next',
    '~when',
    '~upcoming',
  ],
  myGroup: [
    'ryhma',
    'ryhmani',
    'vertaisryhma',
    'vertaiskeskustelu',
    'pienryhma',
    'grupp',
    'kamratgrupp',
    'kamratsamtal',
    'smagrupp',
    'group',
    'groups',
    'peer',
    'rsvp',
    '~kutsu',
    '~inbjudan',
    '~invitation',
  ],
  wishes: [
    'toive',
    'toiveet',
    'aihetoive',
    'kysely',
    'aihe',
    'onskemal',
    'amnesonskemal',
    'enkat',
    'amne',
    'wish',
    'wishes',
    'poll',
    'polls',
    'survey',
    'topic',
    'topics',
    '~vastaa',
    '~vastaus',
    '~svara',
    '~answer',
    '~vote',
  ],
  myData: [
    'tiedot',
    'tietoni',
    'henkilotiedot',
    'tietosuoja',
    'gdpr',
    'uppgifter',
    'personuppgifter',
    'dataskydd',
    'data',
    'privacy',
    '~poista',
    '~radera',
    '~delete',
    '~erase',
  ],
  language: [
    'kieli',
    'kielta',
    'kielen',
    'suomeksi',
    'ruotsiksi',
    'englanniksi',
    'sprak',
    'svenska',
    'finska',
    'engelska',
    'language',
    'english',
    'swedish',
    'finnish',
  ],
  help: [
    'ohje',
    'ohjeet',
    'apua',
    'komennot',
    'hjalp',
    'kommandon',
    'help',
    'commands',
    '~hei',
    '~moi',
    '~terve',
    '~hej',
    '~hello',
    '~hi',
    '~osaat',
    '~kan',
    '~can',
  ],
};

interface Keyword {
  readonly word: string;
  readonly weight: number;
}

const INDEX: readonly (readonly [CommandIntent, readonly Keyword[]])[] = Object.entries(KEYWORDS).map(
  ([intent, words]) => [
    intent as CommandIntent,
    words.map((word) =>
      word.startsWith('~') ? { word: word.slice(1), weight: WEAK } : { word, weight: STRONG },
    ),
  ],
);

/** Lower case, diacritics and punctuation removed: `Milloin on SEURAAVA paja?` → `milloin on seuraava paja`. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The likely intent of a message; see the module comment for the rules. */
export function guessIntent(text: string): IntentGuess {
  const words = normalise(text)
    .split(' ')
    .filter((word) => word !== '');
  const scores = new Map<CommandIntent, number>();
  for (const [intent, keywords] of INDEX) {
    let score = 0;
    for (const word of words) {
      let best = 0;
      for (const keyword of keywords) if (matches(word, keyword.word)) best = Math.max(best, keyword.weight);
      score += best;
    }
    if (score > 0) scores.set(intent, score);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  const clear = first !== undefined && first[1] >= STRONG && (second === undefined || first[1] > second[1]);
  return { intent: clear ? first[0] : undefined, ranked: ranked.map(([intent]) => intent) };
}

function matches(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  // Inflected forms: a keyword of four letters or more followed by a short ending.
  if (keyword.length >= 4 && word.startsWith(keyword) && word.length - keyword.length <= 4) return true;
  if (word.length < 5 || keyword.length < 4) return false;
  const allowed = word.length >= 8 ? 2 : 1;
  if (Math.abs(word.length - keyword.length) > allowed) return false;
  return damerauLevenshtein(word, keyword, allowed) <= allowed;
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) between two words, the optimal-string-
 * alignment variant; stops early once every path exceeds `limit`.
 */
export function damerauLevenshtein(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] ?? [];
      let value = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(value);
    }
    rows.push(row);
    if (i > 0 && Math.min(...row) > limit) return limit + 1;
  }
  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length);
}
