import { z } from 'zod';
import type { BotCommand, CardAction, CardActionResult, Turn, TurnPerson } from '../platform/teams';
import { cardActivity, textActivity } from '../platform/teams';
import type { Clock } from '../platform/clock';
import type { ProgrammeRepository } from '../programme';
import { isVisibleTo } from '../programme';
import { VERBS } from '../shared/cards/verbs';
import type { TeamsIdentity } from '../shared/participant';
import type { RegistrationRepository } from './registration-repository';
import { registrationMessagesFor } from './registration-messages';
import { answersSchema, phaseOf } from './registration-model';
import type { RegistrationCards } from './registration-card';
import { RegistrationError, type RegistrationService, type SeatStanding } from './registration-service';

const eventRef = {
  roundId: z.string().min(1).max(200),
  eventId: z.string().min(1).max(200),
};
const showData = z.object(eventRef);
// Inputs on the card arrive as text; an untouched optional input may be missing or empty.
const registerData = z.object({ ...eventRef, ...answersSchema.shape });
const offerData = z.object({
  ...eventRef,
  // The card's question inputs come along: what was typed before "I take the seat" is kept.
  ...answersSchema.shape,
  offerSequence: z.coerce.number().int().min(0).max(100_000),
  answer: z.enum(['accept', 'decline']),
});
const transferData = z.object({
  ...eventRef,
  colleague: z
    .string()
    .max(300)
    .regex(/^[^|]+\|[^|]+$/, 'tenant|object id'),
});

export interface RegistrationActionDeps {
  readonly service: RegistrationService;
  readonly cards: RegistrationCards;
}

type Confirm = (standing: SeatStanding, language: TurnPerson['language']) => string;

/**
 * The buttons of the registration card. Each answers with the person's card as it now stands
 * (replacing the one they clicked) and a line saying what happened; a refusal shows the reason on
 * the same card, so the person always sees where they stand.
 */
function registrationAction<S extends z.ZodType<{ roundId: string; eventId: string }>>(
  verb: string,
  schema: S,
  deps: RegistrationActionDeps,
  run: (data: z.infer<S>, who: TeamsIdentity, person: TurnPerson) => Promise<SeatStanding>,
  confirm: Confirm,
): CardAction<S> {
  return {
    verb,
    schema,
    handle: async (_turn: Turn, data: z.infer<S>, person: TurnPerson): Promise<CardActionResult> => {
      const m = registrationMessagesFor(person.language);
      if (!person.identity) return { kind: 'rejected', text: m.errors.notParticipant };
      const identity = person.identity;
      try {
        const standing = await run(data, identity, person);
        return {
          kind: 'card',
          card: await deps.cards.card(
            standing.event,
            identity,
            person.language,
            { confirmation: confirm(standing, person.language) },
            standing,
          ),
        };
      } catch (error) {
        if (!(error instanceof RegistrationError)) throw error;
        if (error.code === 'eventNotFound' || error.code === 'noRegistration') {
          return { kind: 'rejected', text: m.errors[error.code] };
        }
        const { event } = await deps.service.eventWithSettings(data.roundId, data.eventId);
        return {
          kind: 'card',
          card: await deps.cards.card(event, identity, person.language, { notice: m.errors[error.code] }),
        };
      }
    },
  };
}

export function registrationActions(deps: RegistrationActionDeps): CardAction[] {
  const { service } = deps;
  return [
    registrationAction(
      VERBS.registrationShow,
      showData,
      deps,
      async (data, who) => {
        const { event, settings } = await service.eventWithSettings(data.roundId, data.eventId);
        return service.standing(event, settings, who);
      },
      () => '',
    ),
    registrationAction(
      VERBS.registrationRegister,
      registerData,
      deps,
      async (data, who, person) => {
        const { roundId, eventId, ...answers } = data;
        return service.register(roundId, eventId, who, answers, person.participant);
      },
      (standing, language) => {
        const m = registrationMessagesFor(language);
        if ('outcome' in standing && standing.outcome === 'answersSaved') return m.answersSaved;
        return standing.registration?.status === 'waitlisted' ? m.waitlisted : m.registered;
      },
    ),
    registrationAction(
      VERBS.registrationCancel,
      showData,
      deps,
      (data, who) => service.cancel(data.roundId, data.eventId, who, 'participant'),
      (standing, language) => {
        const m = registrationMessagesFor(language);
        return standing.registration?.confirmedAt ? m.cancelled : m.leftWaitlist;
      },
    ),
    registrationAction(
      VERBS.registrationOffer,
      offerData,
      deps,
      async (data, who) => {
        const { roundId, eventId, answer, offerSequence, ...answers } = data;
        const standing = await service.respondToOffer(
          roundId,
          eventId,
          who,
          answer === 'accept',
          offerSequence,
        );
        if (answer !== 'accept' || Object.values(answers).every((value) => !value?.trim())) return standing;
        return service.register(roundId, eventId, who, answers);
      },
      (standing, language) => {
        const m = registrationMessagesFor(language);
        return standing.registration?.status === 'confirmed' ? m.accepted : m.declined;
      },
    ),
    registrationAction(
      VERBS.registrationTransfer,
      transferData,
      deps,
      (data, who) => {
        const bar = data.colleague.indexOf('|');
        return service.transfer(data.roundId, data.eventId, who, {
          tenantId: data.colleague.slice(0, bar),
          aadObjectId: data.colleague.slice(bar + 1),
        });
      },
      (standing, language) =>
        registrationMessagesFor(language).transferred(standing.registration?.transferredTo ?? ''),
    ),
  ] as CardAction[];
}

/** `ilmoittaudu` / `anmälan` / `register`: the open registrations for me, a card each. */
export const REGISTRATION_PATTERN =
  /^\s*(ilmoittaudu|ilmoittautuminen|ilmoittautumiset|anmäl\s+mig|anmälan|anmälningar|register|registration|registrations)\s*[.!?]?\s*$/i;

/** The open (or soon opening) registrations for me, and any I am in, one card each. */
export class RegistrationCommand implements BotCommand {
  readonly pattern = REGISTRATION_PATTERN;

  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly registrations: RegistrationRepository,
    private readonly cards: RegistrationCards,
    private readonly clock: Clock,
  ) {}

  async handle(turn: Turn): Promise<undefined | ReturnType<typeof textActivity>> {
    const person = await turn.person();
    const m = registrationMessagesFor(person.language);
    if (!person.identity) return textActivity(m.errors.notParticipant);
    const now = this.clock();
    const round = await this.programme.currentRound(now);
    if (!round) return textActivity(m.noOpenRegistrations);
    const events = new Map((await this.programme.listEvents(round.id)).map((event) => [event.id, event]));
    const shown = [];
    for (const settings of await this.registrations.listSettings(round.id)) {
      const event = events.get(settings.eventId);
      if (!event || event.startsAt <= now.toISOString()) continue;
      const mine = await this.registrations.findRegistration(settings, person.identity);
      const relevant =
        (mine !== undefined && mine.status !== 'cancelled') ||
        (phaseOf(settings, now) !== 'closed' && isVisibleTo(event, person.participant));
      if (relevant) shown.push(event);
    }
    if (shown.length === 0) return textActivity(m.noOpenRegistrations);
    shown.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (const event of shown) {
      await turn.send(cardActivity(await this.cards.card(event, person.identity, person.language)));
    }
    return undefined;
  }
}
