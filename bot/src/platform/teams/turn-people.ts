import type { Activity, TurnContext } from 'botbuilder';
import type { Participant, TeamsIdentity } from '../../shared/participant';
import { resolveLanguage, type Language } from '../../shared/i18n/language';
import type { ParticipantRepository } from '../../people/participant-repository';

/** Who sent an activity, as far as the network knows them, and the language to answer in. */
export interface TurnPerson {
  readonly identity: TeamsIdentity | undefined;
  readonly participant: Participant | undefined;
  readonly language: Language;
}

const TURN_PERSON = Symbol('digiverkosto.turnPerson');

/** The Teams identity of the sender: the conversation's tenant and the sender's Entra object id. */
export function identityOf(activity: Partial<Activity>): TeamsIdentity | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenantId =
    activity.conversation?.tenantId ??
    (typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined);
  const aadObjectId = activity.from?.aadObjectId;
  return tenantId && aadObjectId ? { tenantId, aadObjectId } : undefined;
}

export class TurnPeople {
  constructor(private readonly participants: ParticipantRepository) {}

  /** Looks the sender up once per turn; later calls in the same turn reuse the answer. */
  async resolve(context: TurnContext): Promise<TurnPerson> {
    const cached = context.turnState.get<TurnPerson | undefined>(TURN_PERSON);
    if (cached) return cached;
    const identity = identityOf(context.activity);
    const participant = identity ? (await this.participants.get(identity))?.value : undefined;
    const person: TurnPerson = {
      identity,
      participant,
      language: resolveLanguage(participant?.language, context.activity.locale),
    };
    context.turnState.set(TURN_PERSON, person);
    return person;
  }

  /** Forgets the cached answer, e.g. after the person changed their language in this turn. */
  forget(context: TurnContext): void {
    context.turnState.delete(TURN_PERSON);
  }
}

const HANDLED = Symbol('digiverkosto.handled');

/** Marks the turn as answered by a command, so the fallback hint stays quiet. */
export function markHandled(context: TurnContext): void {
  context.turnState.set(HANDLED, true);
}

export function wasHandled(context: TurnContext): boolean {
  return context.turnState.get(HANDLED) === true;
}
