import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatHelsinkiDateTime } from '../../bot/src/shared/i18n/helsinki-time';
import { roleList } from '../../bot/src/shared/roles';

const ROOT = path.resolve(__dirname, '..', '..');

async function sources(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return entry.name === 'vendor' ? Promise.resolve([]) : sources(full);
      return Promise.resolve(/\.(ts|tsx|json)$/.test(entry.name) ? [full] : []);
    }),
  );
  return nested.flat();
}

/**
 * Issue 18, item 6: the wording people found, verbatim, that must not come back. Each phrase was
 * rewritten in the tone a municipal official expects (see the issue for why each one grated).
 */
const RETIRED = [
  'Vastauksesi: osallistut',
  'Merkitsimme, että osallistut',
  'kaikista Digiverkoston tauluista',
  'Siemen (sama siemen',
  'Muodosta lukitsemattomat uudelleen',
  '0 = ei ehdotuskenttää',
  'tyhjä = ei muistutusta',
  'kohderyhmästä vastasi',
  'Vastaa / näytä vastaukseni',
  'Viestit jonossa',
  'Delta i mötet',
  'Delta på nätet',
  'Delta i Teams-mötet',
  "'Jag kan inte'",
  'Skriv ”omat tietoni” till botten',
  'Frö (samma frö',
  'Jag betjänar dig',
  'Titta före infon',
  'förman',
  'Förmän',
  'I sit out the peer groups',
  'Save the changed answer',
];

describe('wording (issue 18, item 6)', () => {
  it('has none of the phrases the issue quoted, in the bot, the tab or the demo', async () => {
    const files = [
      ...(await sources(path.join(ROOT, 'bot', 'src'))),
      ...(await sources(path.join(ROOT, 'tab', 'src'))),
    ];
    const found: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const phrase of RETIRED) {
        if (text.toLowerCase().includes(phrase.toLowerCase()))
          found.push(`${path.relative(ROOT, file)}: ${phrase}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('writes dates the Finnish way in every language, with the time word of the language', () => {
    const instant = new Date('2027-02-01T07:00:00Z');
    expect(formatHelsinkiDateTime(instant, 'fi')).toBe('1.2.2027 klo 9.00');
    expect(formatHelsinkiDateTime(instant, 'sv')).toBe('1.2.2027 kl. 9.00');
    expect(formatHelsinkiDateTime(instant, 'en')).toBe('1.2.2027 at 9.00');
  });

  it('lists roles in running text with one capital, and says chef in Swedish', () => {
    expect(roleList(['leadership', 'developer'], 'fi')).toBe(
      'Johtoryhmä ja ylin johto, kehittämistehtävissä toimivat',
    );
    expect(roleList(['supervisor', 'elected'], 'sv')).toBe('Chefer, förtroendevalda');
  });
});
