import { placeLine, typeLabelFor, type ProgrammeEvent } from '../shared/programme-event';
import { formatHelsinkiRange, helsinkiWeekday } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import { messagesFor } from '../shared/i18n/messages';
import type { TabLinks } from '../shared/tab-links';
import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import scheduleTemplate from './schedule.card.json';

export interface ScheduleCardData {
  readonly title: string;
  readonly empty: string;
  readonly events: readonly {
    readonly typeName: string;
    readonly title: string;
    readonly when: string;
    readonly where: string;
    readonly quota: string;
    readonly preAssignment: string;
    readonly joinUrl: string;
    readonly joinLabel: string;
  }[];
  readonly more: string;
  readonly openTab: string;
  readonly tabUrl: string;
}

const scheduleCard = defineCard<ScheduleCardData>(scheduleTemplate);

/** The next events as a card, times in Helsinki time written the Finnish way. */
export function buildScheduleCard(
  events: readonly ProgrammeEvent[],
  language: Language,
  links: TabLinks,
): AdaptiveCardJson {
  const m = messagesFor(language);
  return renderCard(scheduleCard, {
    title: m.scheduleTitle,
    empty: m.scheduleEmpty,
    events: events.map((event) => {
      const start = new Date(event.startsAt);
      return {
        typeName: typeLabelFor(event, language),
        title: pickText(event.title, language),
        when: `${helsinkiWeekday(start, language)} ${formatHelsinkiRange(start, new Date(event.endsAt), language)}`,
        where: event.place ? placeLine(event.place, language) : m.scheduleOnline,
        quota: event.inPersonQuota ? m.scheduleQuota(event.inPersonQuota) : '',
        preAssignment: event.preAssignment
          ? `${m.schedulePreAssignment}: ${pickText(event.preAssignment.text, language)}`
          : '',
        joinUrl: event.onlineUrl ?? '',
        joinLabel: m.scheduleJoin,
      };
    }),
    more: m.scheduleMore,
    openTab: m.openTab,
    tabUrl: links.to('programme'),
  });
}
