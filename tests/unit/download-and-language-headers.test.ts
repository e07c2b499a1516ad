import { languageFromAcceptLanguage } from '../../bot/src/platform/api/authenticator';
import { attachmentDisposition, toExcelCsv } from '../../bot/src/polls/wish-poll-csv';

describe('the language of a browser that opens the tab outside Teams (Accept-Language)', () => {
  it.each([
    ['sv-FI,sv;q=0.9,en;q=0.5', 'sv'],
    ['de-DE,en;q=0.8,fi;q=0.9', 'fi'],
    ['de, en-GB;q=0.1', 'en'],
    ['FI-fi', 'fi'],
    ['en;q=0,fi', 'fi'],
    ['fi;q=0.5,sv;q=0.5', 'fi'],
  ])('%s gives %s: the most preferred language we speak', (header, language) => {
    expect(languageFromAcceptLanguage(header)).toBe(language);
  });

  it.each([[''], ['*'], ['de-DE,fr;q=0.5'], ['en;q=0'], [undefined]])(
    '%s gives no language, so the default applies',
    (header) => {
      expect(languageFromAcceptLanguage(header)).toBeUndefined();
    },
  );
});

describe('a CSV download for Finnish Excel', () => {
  it('quotes every field, keeps line breaks inside a field and writes empty cells as ""', () => {
    expect(
      toExcelCsv([
        ['Ehdotus', 'Kunta'],
        ['Kaksi\r\nriviä', null],
        ['', 'Hattula'],
      ]),
    ).toBe('\uFEFF"Ehdotus";"Kunta"\r\n"Kaksi\r\nriviä";""\r\n"";"Hattula"\r\n');
  });

  it('turns text that Excel would run as a formula into text', () => {
    expect(toExcelCsv([['=HYPERLINK("x")', '+1', '@SUM(A1)', 'ok']])).toBe(
      '\uFEFF"\'=HYPERLINK(""x"")";"\'+1";"\'@SUM(A1)";"ok"\r\n',
    );
  });

  it('names the file exactly for current browsers and in plain ASCII for old ones', () => {
    expect(attachmentDisposition('toiveet-2026-12-01.csv')).toBe(
      'attachment; filename="toiveet-2026-12-01.csv"',
    );
    expect(attachmentDisposition("Kyselyä (1)'s*.csv")).toBe(
      `attachment; filename="Kyselya (1)'s*.csv"; filename*=UTF-8''Kysely%C3%A4%20%281%29%27s%2A.csv`,
    );
    expect(attachmentDisposition('"lainattu".csv')).toBe(
      `attachment; filename="_lainattu_.csv"; filename*=UTF-8''%22lainattu%22.csv`,
    );
  });
});
