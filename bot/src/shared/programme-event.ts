import type { LocalizedText } from './i18n/language';
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

export interface ProgrammeEvent {
  readonly roundId: string;
  readonly id: string;
  readonly type: ProgrammeEventType;
  readonly title: Required<LocalizedText>;
  readonly description: LocalizedText | undefined;
  /** UTC instants (ISO 8601); shown in Europe/Helsinki. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: { readonly name: string; readonly address: string } | undefined;
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
