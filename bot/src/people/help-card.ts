import type { Language } from '../shared/i18n/language';
import { COMMAND_INTENTS, COMMAND_WORDS, messagesFor, type CommandIntent } from '../shared/i18n/messages';
import type { TabLinks } from '../shared/tab-links';
import buttonsTemplate from './command-buttons.card.json';
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

export interface CommandButtonsCardData {
  readonly prompt: string;
  readonly buttons: readonly { readonly title: string; readonly command: string }[];
}

const helpCard = defineCard<HelpCardData>(helpTemplate);
const welcomeCard = defineCard<WelcomeCardData>(welcomeTemplate);
const buttonsCard = defineCard<CommandButtonsCardData>(buttonsTemplate);

/**
 * How to use the bot. In a channel or group chat the bot hears only messages that @mention it, and
 * personal answers go to the person's own chat; the card says both there.
 */
export function buildHelpCard(language: Language, links: TabLinks, shared = false): AdaptiveCardJson {
  const m = messagesFor(language);
  return renderCard(helpCard, {
    title: m.helpTitle,
    intro: shared ? m.helpIntroShared : m.helpIntro,
    commands: m.helpCommands,
    footer: shared ? `${m.helpPrivacyShared} ${m.helpFooter}` : m.helpFooter,
    showSchedule: m.showSchedule,
    scheduleCommand: COMMAND_WORDS[language].schedule,
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
    scheduleCommand: COMMAND_WORDS[language].schedule,
    openTab: m.openTab,
    tabUrl: links.to('programme'),
  });
}

/**
 * A button for every command, the likely ones first: clicking one sends the command as if typed
 * (in a channel too, where a typed command would need an @mention).
 */
export function buildCommandButtonsCard(
  language: Language,
  prompt: string,
  first: readonly CommandIntent[] = [],
): AdaptiveCardJson {
  const m = messagesFor(language);
  const order = [...first, ...COMMAND_INTENTS.filter((intent) => !first.includes(intent))];
  return renderCard(buttonsCard, {
    prompt,
    buttons: order.map((intent) => ({
      title: m.commandButtons[intent],
      command: COMMAND_WORDS[language][intent],
    })),
  });
}
