import { roleList } from '../shared/roles';
import type { Coordinator, Participant } from '../shared/participant';
import { municipalityName, type Municipality } from '../shared/municipality';
import { organisationName } from '../shared/organisations';
import { DATA_RIGHTS_MESSAGES } from './data-rights-messages';
import type { Language } from '../shared/i18n/language';
import { MESSAGES } from '../shared/i18n/messages';
import myDataTemplate from './my-data.card.json';
import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import { VERBS } from '../shared/cards/verbs';

export interface MyDataCardData {
  readonly title: string;
  /** A line above everything, e.g. "nothing was erased" after a cancelled erasure. */
  readonly notice: string;
  readonly intro: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly note: string;
  readonly links: readonly { readonly title: string; readonly url: string }[];
  readonly buttons: readonly {
    readonly title: string;
    readonly verb: string;
    readonly style: 'default' | 'destructive' | 'positive';
  }[];
}

const myDataCard = defineCard<MyDataCardData>(myDataTemplate);

/** What is stored about the person, with a download link and an erasure button. */
export function buildMyDataCard(
  language: Language,
  stored: {
    readonly participant: Participant | undefined;
    readonly coordinator: Coordinator | undefined;
    readonly municipality: Municipality | undefined;
    readonly retentionMonths: number;
    readonly downloadUrl: string;
    readonly notice?: string;
  },
): AdaptiveCardJson {
  const m = DATA_RIGHTS_MESSAGES[language];
  const p = stored.participant;
  const facts = [
    { label: m.name, value: p?.name || stored.coordinator?.name || m.notKnown },
    { label: m.email, value: p?.email ?? m.notKnown },
    {
      label: m.municipality,
      value: stored.municipality ? municipalityName(stored.municipality, language) : m.notKnown,
    },
    {
      label: m.roles,
      value: p && p.roles.length > 0 ? roleList(p.roles, language) : m.notKnown,
    },
    { label: m.language, value: p?.language ? MESSAGES[p.language].languageName : m.languageFollowsTeams },
    ...(stored.coordinator
      ? [{ label: m.coordinator, value: organisationName(stored.coordinator.organisation, language) }]
      : []),
  ];
  return renderCard(myDataCard, {
    title: m.title,
    notice: stored.notice ?? '',
    intro: m.intro,
    facts,
    note: `${m.elsewhere} ${m.retention(stored.retentionMonths)}`,
    links: [{ title: m.download, url: stored.downloadUrl }],
    buttons: [{ title: m.erase, verb: VERBS.eraseMyDataAsk, style: 'destructive' }],
  });
}

/** The confirmation step before erasure, or the outcome after it (a cancel shows the data again). */
export function buildEraseCard(language: Language, step: 'confirm' | 'erased'): AdaptiveCardJson {
  const m = DATA_RIGHTS_MESSAGES[language];
  if (step === 'confirm') {
    return renderCard(myDataCard, {
      title: m.confirmTitle,
      notice: '',
      intro: m.confirmBody,
      facts: [],
      note: '',
      links: [],
      buttons: [
        { title: m.confirmYes, verb: VERBS.eraseMyDataConfirm, style: 'destructive' },
        { title: m.confirmNo, verb: VERBS.eraseMyDataCancel, style: 'default' },
      ],
    });
  }
  return renderCard(myDataCard, {
    title: m.title,
    notice: '',
    intro: m.erased,
    facts: [],
    note: '',
    links: [],
    buttons: [],
  });
}
