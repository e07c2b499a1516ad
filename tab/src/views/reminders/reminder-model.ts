import type { SendReachView } from '../../../../bot/src/delivery/delivery-contracts';
import { defineMessages, useMessages } from '../../i18n';

/** What `GET /api/events/:id/reminders` answers (bot/src/reminders/reminder-routes.ts). */
export interface ReminderSpec {
  readonly offset: string;
  readonly channel: boolean;
  readonly personal: boolean;
}
export interface RemindersResponse {
  readonly plan: { readonly custom: boolean; readonly reminders: readonly ReminderSpec[] };
  readonly reminders: readonly SentReminder[];
}
export interface SentReminder {
  readonly offset?: string;
  readonly manual: boolean;
  readonly dueAt: string;
  readonly channel: boolean;
  readonly personal: boolean;
  /** scheduled, claimed (being queued), enqueued (queued for sending), skipped, cancelled. */
  readonly state: string;
  readonly reason?: string;
  /** The outbox delivery, once queued: its report tells how the sending went. */
  readonly deliveryId?: string;
}

/** What `POST /api/events/:id/reminders/preview` answers. */
export interface ReminderPreviewResponse {
  readonly card: unknown;
  readonly cards: { readonly fi: unknown; readonly sv: unknown; readonly en: unknown };
  /** When the previewed reminder would be written (its due time, or now when that has passed). */
  readonly sentAt: string;
  readonly reach: SendReachView;
}

export const OFFSETS = ['P14D', 'P7D', 'P3D', 'P1D', 'PT2H', 'PT1H', 'PT15M'] as const;

const offsetMessages = defineMessages({
  fi: {
    P14D: '2 viikkoa ennen',
    P7D: 'Viikkoa ennen',
    P3D: '3 päivää ennen',
    P1D: 'Päivää ennen',
    PT2H: '2 tuntia ennen',
    PT1H: 'Tuntia ennen',
    PT15M: '15 minuuttia ennen',
  },
  sv: {
    P14D: '2 veckor före',
    P7D: 'En vecka före',
    P3D: '3 dagar före',
    P1D: 'En dag före',
    PT2H: '2 timmar före',
    PT1H: 'En timme före',
    PT15M: '15 minuter före',
  },
  en: {
    P14D: '2 weeks before',
    P7D: 'A week before',
    P3D: '3 days before',
    P1D: 'A day before',
    PT2H: '2 hours before',
    PT1H: 'An hour before',
    PT15M: '15 minutes before',
  },
});

/** "A day before" for a plan offset; an offset the tab does not know is shown as it is. */
export function useOffsetLabel(): (offset: string) => string {
  const t = useMessages(offsetMessages);
  return (offset) =>
    (OFFSETS as readonly string[]).includes(offset) ? t[offset as (typeof OFFSETS)[number]] : offset;
}
