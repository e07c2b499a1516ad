import type { Language, LocalizedText } from './i18n/language';
import type { ParticipantRole } from './roles';

/** The kinds of programme items in a round, see DOMAIN.md. */
export const EVENT_TYPES = [
  'kickoff',
  'developmentWorkshop',
  'leadershipDiscussion',
  'closingDay',
  'training',
  'roadmapLeadershipWorkshop',
  'roadmapContentWorkshop',
] as const;
export type ProgrammeEventType = (typeof EVENT_TYPES)[number];

export const EVENT_TYPE_NAMES: Record<ProgrammeEventType, Required<LocalizedText>> = {
  kickoff: { fi: 'Aloitustilaisuus', sv: 'Startevenemang', en: 'Kickoff day' },
  developmentWorkshop: { fi: 'Kehittämispaja', sv: 'Utvecklingsverkstad', en: 'Development workshop' },
  leadershipDiscussion: {
    fi: 'Ylimmän johdon vertaiskeskustelu',
    sv: 'Kamratsamtal för högsta ledningen',
    en: 'Top-management peer discussion',
  },
  closingDay: { fi: 'Päätöstilaisuus', sv: 'Avslutningsevenemang', en: 'Closing day' },
  training: { fi: 'Koulutus', sv: 'Utbildning', en: 'Training' },
  roadmapLeadershipWorkshop: {
    fi: 'Digitiekartan johtoryhmätyöpaja',
    sv: 'Ledningsgruppens verkstad om digital färdplan',
    en: 'Roadmap leadership workshop',
  },
  roadmapContentWorkshop: {
    fi: 'Digitiekartan sisältötyöpaja',
    sv: 'Innehållsverkstad om digital färdplan',
    en: 'Roadmap content workshop',
  },
};

export interface PreAssignment {
  readonly text: LocalizedText;
  readonly url: string | undefined;
  readonly dueAt: string | undefined;
}

/** Where an in-person event is; places and streets have official Swedish names in bilingual towns. */
export interface EventPlace {
  readonly name: string;
  readonly address: string;
  /** Kommunhuset, Andra linjen 14, 00530 Helsingfors. */
  readonly sv?: { readonly name: string; readonly address: string } | undefined;
}

/** The place as a reader of the language reads it: the Swedish name and address where known. */
export function placeIn(place: EventPlace, language: Language): { name: string; address: string } {
  const swedish = language === 'sv' ? place.sv : undefined;
  return {
    name: swedish?.name || place.name,
    address: swedish?.address || place.address,
  };
}

/** `Kuntatalo, Toinen linja 14, 00530 Helsinki` in one line. */
export function placeLine(place: EventPlace, language: Language): string {
  const { name, address } = placeIn(place, language);
  return address ? `${name}, ${address}` : name;
}

export interface ProgrammeEvent {
  readonly roundId: string;
  readonly id: string;
  readonly type: ProgrammeEventType;
  readonly title: Required<LocalizedText>;
  readonly description: LocalizedText | undefined;
  /** UTC instants (ISO 8601); shown in Europe/Helsinki. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: EventPlace | undefined;
  readonly onlineUrl: string | undefined;
  readonly audienceRoles: readonly ParticipantRole[];
  /** Municipality-specific items (FCG) name their municipality; network-wide items leave it out. */
  readonly municipalityId: string | undefined;
  /** At most this many participants per municipality for in-person days. */
  readonly inPersonQuota: number | undefined;
  readonly preAssignment: PreAssignment | undefined;
  readonly organiser: 'Kuntaliitto' | 'FCG';
}

export interface Round {
  readonly id: string;
  readonly name: LocalizedText;
  readonly startsAt: string;
  readonly endsAt: string;
  /**
   * The round's Teams team (`19:…@thread.tacv2`), chosen by a coordinator: channel posts go to its
   * channel only. Unset, the configured team or the one team the app is installed in is used.
   */
  readonly teamId?: string | undefined;
}

/**
 * The event type to show beside the title, or '' when the title already starts with it
 * ("Kehittämispaja 1: Osaaminen" needs no "Kehittämispaja" above it).
 */
export function typeLabelFor(event: Pick<ProgrammeEvent, 'type' | 'title'>, language: Language): string {
  const typeName = EVENT_TYPE_NAMES[event.type][language];
  const title = event.title[language] || event.title.fi;
  return title.toLocaleLowerCase(language).startsWith(typeName.toLocaleLowerCase(language)) ? '' : typeName;
}
