import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const BOT_SRC = path.resolve(__dirname, '..', '..', 'bot', 'src');

async function cardTemplates(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return cardTemplates(full);
      return Promise.resolve(entry.name.endsWith('.card.json') ? [full] : []);
    }),
  );
  return nested.flat();
}

/** Every `color` a card template sets, with where it is. */
function colours(node: unknown, where: string, found: { where: string; color: string }[]): void {
  if (Array.isArray(node)) node.forEach((item, index) => colours(item, `${where}[${index}]`, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'color' && typeof value === 'string') found.push({ where, color: value });
      else colours(value, `${where}.${key}`, found);
    }
  }
}

describe('status colours on cards (issue 18, item 11)', () => {
  it("uses no Good (lime) or Warning (yellow) text, which fails contrast on Teams' white", async () => {
    const files = await cardTemplates(BOT_SRC);
    expect(files.length).toBeGreaterThanOrEqual(20);
    const offending: string[] = [];
    for (const file of files) {
      const found: { where: string; color: string }[] = [];
      colours(JSON.parse(await readFile(file, 'utf8')) as unknown, '', found);
      for (const { where, color } of found) {
        // A template value (`${statusColor}`) is checked where its data is typed (poll-card.ts).
        if (/^(Good|Warning|Light)$/i.test(color))
          offending.push(`${path.relative(BOT_SRC, file)}${where}: ${color}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
