import type { Language } from '../shared/i18n/language';
import { messagesFor } from '../shared/i18n/messages';
import type { TabLinks } from '../shared/tab-links';
import helpTemplate from './help.card.json';
import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import welcomeTemplate from './welcome.card.json';

export interface HelpCardData {
  readonly title: string;
  readonly intro: string;
  readonly commands: readonly { readonly command: string; readonly description: string }[];
  readonly footer: string;
  readonly showSchedule: string;
  readonly scheduleCommand: string;
  readonly openTab: string;
  readonly tabUrl: string;
}

export interface WelcomeCardData {
  readonly title: string;
  readonly addedBy: string;
  readonly what: readonly string[];
  readonly hint: string;
  readonly showSchedule: string;
  readonly scheduleCommand: string;
  readonly openTab: string;
  readonly tabUrl: string;
}

const helpCard = defineCard<HelpCardData>(helpTemplate);
const welcomeCard = defineCard<WelcomeCardData>(welcomeTemplate);

/** The schedule command word in each language, used by "show schedule" buttons. */
export const SCHEDULE_COMMAND: Record<Language, string> = { fi: 'ohjelma', sv: 'program', en: 'schedule' };

export function buildHelpCard(language: Language, links: TabLinks): AdaptiveCardJson {
  const m = messagesFor(language);
  return renderCard(helpCard, {
    title: m.helpTitle,
    intro: m.helpIntro,
    commands: m.helpCommands,
    footer: m.helpFooter,
    showSchedule: m.showSchedule,
    scheduleCommand: SCHEDULE_COMMAND[language],
    openTab: m.openTab,
    tabUrl: links.to('programme'),
  });
}

/** The card posted once in the team channel when the app is added, naming who added it. */
export function buildWelcomeCard(
  language: Language,
  addedBy: string | undefined,
  links: TabLinks,
): AdaptiveCardJson {
  const m = messagesFor(language);
  return renderCard(welcomeCard, {
    title: m.welcomeTitle,
    addedBy: addedBy ? m.welcomeAddedBy(addedBy) : m.welcomeAddedByUnknown,
    what: m.welcomeWhat,
    hint: m.welcomeHint,
    showSchedule: m.showSchedule,
    scheduleCommand: SCHEDULE_COMMAND[language],
    openTab: m.openTab,
    tabUrl: links.to('programme'),
  });
}
