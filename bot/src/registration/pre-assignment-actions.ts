import { z } from 'zod';
import type { CardAction, CardActionResult, Turn, TurnPerson } from '../platform/teams';
import type { Clock } from '../platform/clock';
import { VERBS } from '../shared/cards/verbs';
import { buildPreAssignmentCard } from './pre-assignment-card';
import { HAND_IN_TEXT_MAX, PreAssignmentError, type PreAssignmentService } from './pre-assignment-service';
import { registrationMessagesFor } from './registration-messages';

const eventRef = { roundId: z.string().min(1).max(200), eventId: z.string().min(1).max(200) };
const openData = z.object(eventRef);
// The form's inputs arrive as text; an untouched input may be missing.
const handInData = z.object({
  ...eventRef,
  text: z.string().max(HAND_IN_TEXT_MAX).optional(),
  url: z.string().max(2000).optional(),
  done: z.enum(['true', 'false']).optional(),
});

/**
 * "Hand in the pre-assignment" on the reminder card opens the form in place of the card; the form's
 * button stores the answer and shows it back. A refusal (too late, no content, not https) keeps the
 * form with what was typed and the reason.
 */
export function preAssignmentActions(service: PreAssignmentService, clock: Clock): CardAction[] {
  const card = async (
    roundId: string,
    eventId: string,
    person: TurnPerson,
    extra: {
      notice?: string;
      confirmation?: string;
      draft?: { text?: string; url?: string; done?: boolean };
    },
  ): Promise<CardActionResult> => {
    const m = registrationMessagesFor(person.language).preAssignment;
    let event;
    try {
      event = await service.event(roundId, eventId);
    } catch (error) {
      if (error instanceof PreAssignmentError) return { kind: 'rejected', text: m.notFound };
      throw error;
    }
    const handIn = person.identity ? await service.mine(event, person.identity) : undefined;
    return {
      kind: 'card',
      card: buildPreAssignmentCard({ event, language: person.language, now: clock(), handIn, ...extra }),
    };
  };

  const open: CardAction<typeof openData> = {
    verb: VERBS.preAssignmentOpen,
    schema: openData,
    handle: (_turn: Turn, data, person) => card(data.roundId, data.eventId, person, {}),
  };

  const handIn: CardAction<typeof handInData> = {
    verb: VERBS.preAssignmentHandIn,
    schema: handInData,
    handle: async (_turn: Turn, data, person) => {
      const m = registrationMessagesFor(person.language);
      if (!person.identity) return { kind: 'rejected', text: m.errors.notParticipant };
      try {
        await service.handIn(data.roundId, data.eventId, person.identity, {
          text: data.text,
          url: data.url,
          done: data.done === 'true',
        });
      } catch (error) {
        if (!(error instanceof PreAssignmentError)) throw error;
        if (error.code === 'eventNotFound' || error.code === 'notFound') {
          return { kind: 'rejected', text: m.preAssignment.notFound };
        }
        return card(data.roundId, data.eventId, person, {
          notice: m.preAssignment[error.code],
          draft: {
            ...(data.text === undefined ? {} : { text: data.text }),
            ...(data.url === undefined ? {} : { url: data.url }),
            done: data.done === 'true',
          },
        });
      }
      return card(data.roundId, data.eventId, person, { confirmation: m.preAssignment.saved });
    },
  };
  return [open, handIn] as CardAction[];
}
