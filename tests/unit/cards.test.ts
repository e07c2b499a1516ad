import { buildHelpCard, buildWelcomeCard } from '../../bot/src/people/help-card';
import { buildLanguageCard } from '../../bot/src/people/language-card';
import { defineCard, escapeMarkdown, renderCard } from '../../bot/src/shared/cards/render-card';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { TabLinks } from '../../bot/src/shared/tab-links';

const links = new TabLinks({ mode: 'local', publicUrl: 'http://localhost:3978', teamsAppId: 'app' });

describe('cards', () => {
  it('treat text a user typed as data, never as template syntax', () => {
    const template = defineCard<{ text: string }>({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: '${text}' }],
    });
    const card = renderCard(template, { text: '${$root.secret} <b>bold</b>' });
    expect(JSON.stringify(card)).toContain('${$root.secret} <b>bold</b>');
  });

  it('do not change the imported template when rendering', () => {
    const json = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${text}' }] };
    const template = defineCard<{ text: string }>(json);
    renderCard(template, { text: 'first' });
    expect(json.body[0]?.text).toBe('${text}');
  });

  it('render each time from the same prepared template without carrying data over', () => {
    const template = defineCard<{ items: string[] }>({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', $data: '${items}', text: '${$data}' }],
    });
    const first = renderCard(template, { items: ['a', 'b', 'c'] });
    const second = renderCard(template, { items: ['x'] });
    const again = renderCard(template, { items: ['a', 'b', 'c'] });
    expect((first.body as unknown[]).length).toBe(3);
    expect(second.body).toEqual([{ type: 'TextBlock', text: 'x' }]);
    expect(again).toEqual(first);
  });

  it('help lists the commands in the reader’s language', () => {
    expect(JSON.stringify(buildHelpCard('fi', links))).toContain('ohjelma');
    expect(JSON.stringify(buildHelpCard('sv', links))).toContain('hjälp');
    expect(JSON.stringify(buildHelpCard('en', links))).toContain('schedule');
  });

  it('the welcome names who added the app', () => {
    const card = JSON.stringify(buildWelcomeCard('fi', 'Mikko Nieminen', links));
    expect(card).toContain('Mikko Nieminen lisäsi Digiverkosto-sovelluksen tähän tiimiin.');
  });

  it('the language card uses the shared verb', () => {
    expect(JSON.stringify(buildLanguageCard('fi'))).toContain(VERBS.setLanguage);
  });

  it('escapes Markdown in quoted user text and shortens it', () => {
    expect(escapeMarkdown('[link](http://x) **bold**')).toBe('\\[link\\]\\(http://x\\) \\*\\*bold\\*\\*');
    expect(escapeMarkdown('a'.repeat(200)).length).toBeLessThan(100);
  });
});
