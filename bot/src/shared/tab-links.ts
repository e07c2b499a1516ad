/** Tab views the bot's cards link to. */
export type TabView =
  'programme' | 'groups' | 'polls' | 'survey' | 'registration' | 'coordinator' | 'privacy';

/**
 * Links from cards to the right tab view. In Teams a deep link opens the personal tab inside the
 * client; locally (`npm start`) the tab is an ordinary web page, so the link goes there.
 */
export class TabLinks {
  constructor(
    private readonly options: {
      readonly mode: 'local' | 'production';
      readonly publicUrl: string;
      readonly teamsAppId: string;
    },
  ) {}

  to(view: TabView, subEntityId?: string): string {
    if (this.options.mode === 'local') {
      return `${this.options.publicUrl}/tab/#/${view}${subEntityId ? `/${encodeURIComponent(subEntityId)}` : ''}`;
    }
    const entity = view === 'coordinator' ? 'coordinator' : 'programme';
    const context = JSON.stringify({ subEntityId: subEntityId ? `${view}/${subEntityId}` : view });
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(this.options.teamsAppId)}/${entity}?context=${encodeURIComponent(context)}`;
  }
}
