import { damerauLevenshtein, guessIntent, normalise } from '../../bot/src/people/intent';

describe('understanding a message that matched no command', () => {
  it.each([
    ['milloin on seuraava paja?', 'schedule'],
    ['Milloin on seuraava kehittämispaja', 'schedule'],
    ['när är nästa workshop', 'schedule'],
    ['nästa utvecklingsverkstad', 'schedule'],
    ['whens the next workshop', 'schedule'],
    ['ryhmani', 'myGroup'],
    ['vertaisryhmäni kokous', 'myGroup'],
    ['min kamratgrupp', 'myGroup'],
    ['toiveeet', 'wishes'],
    ['haluan vastata kyselyyn', 'wishes'],
    ['ämnesönskemål', 'wishes'],
    ['omat tiedot', 'myData'],
    ['poista tietoni', 'myData'],
    ['personuppgifter', 'myData'],
    ['vaihda kieli ruotsiksi', 'language'],
    ['apua', 'help'],
  ] as const)('"%s" asks for %s', (text, intent) => {
    expect(guessIntent(text).intent).toBe(intent);
  });

  it('leaves unclear or unrelated words to the person, with the likely intents ranked', () => {
    expect(guessIntent('mikä on digikompassi?')).toEqual({ intent: undefined, ranked: [] });
    // Only a hint ("when?"), not a thing: offered first, not run.
    expect(guessIntent('milloin?')).toEqual({ intent: undefined, ranked: ['schedule'] });
    // As strong for two intents: both offered, neither run.
    expect(guessIntent('milloin seuraava ryhmä')).toEqual({
      intent: undefined,
      ranked: ['schedule', 'myGroup'],
    });
  });

  it('forgives one slip in a short word and two in a long one, never in words under five letters', () => {
    expect(guessIntent('ohjlema').intent).toBe('schedule');
    expect(guessIntent('vertaisryhmmää').intent).toBe('myGroup');
    expect(guessIntent('pja').intent).toBeUndefined();
  });

  it('normalises case, diacritics and punctuation', () => {
    expect(normalise('Milloin on SEURAAVA paja?!')).toBe('milloin on seuraava paja');
    expect(normalise('Ämnesönskemål')).toBe('amnesonskemal');
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(damerauLevenshtein('ohjelma', 'ohjlema')).toBe(1);
    expect(damerauLevenshtein('toiveeet', 'toiveet')).toBe(1);
    expect(damerauLevenshtein('kissa', 'koira')).toBe(3);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
  });
});
