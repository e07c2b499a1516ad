import { TurnContext, type Activity } from 'botbuilder';
import type { TeamsIdentity } from '../../shared/participant';
import { resolveLanguage } from '../../shared/i18n/language';
import type { ParticipantDirectory, Turn, TurnPerson } from './turn';
import type { ConversationPlace, ConversationReference, OutgoingActivity } from './types';

const TURN = Symbol('digiverkosto.turn');
const HANDLED = Symbol('digiverkosto.handled');

/** The sender's tenant and Entra object id, from the conversation or Teams' channel data. */
export function identityOf(activity: Partial<Activity>): TeamsIdentity | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const conversationTenant: unknown = activity.conversation?.tenantId;
  const tenantId =
    (typeof conversationTenant === 'string' && conversationTenant) ||
    (typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined);
  const aadObjectId: unknown = activity.from?.aadObjectId;
  return tenantId && typeof aadObjectId === 'string' && aadObjectId ? { tenantId, aadObjectId } : undefined;
}

/** Our {@link Turn} over botbuilder's TurnContext; one per TurnContext, so the person is looked up once. */
export class TeamsTurn implements Turn {
  private personLookup: Promise<TurnPerson> | undefined;

  private constructor(
    readonly context: TurnContext,
    private readonly directory: ParticipantDirectory,
  ) {}

  static of(context: TurnContext, directory: ParticipantDirectory): TeamsTurn {
    const existing = context.turnState.get<TeamsTurn | undefined>(TURN);
    if (existing) return existing;
    const turn = new TeamsTurn(context, directory);
    context.turnState.set(TURN, turn);
    return turn;
  }

  get activityId(): string | undefined {
    return this.context.activity.id;
  }

  get activityType(): string {
    return this.context.activity.type;
  }

  get text(): string {
    return (this.context.activity.text ?? '').replace(/<at>[^<]*<\/at>/g, '').trim();
  }

  get locale(): string | undefined {
    return this.context.activity.locale;
  }

  get sender(): Turn['sender'] {
    const from = this.context.activity.from as Partial<Activity['from']> | undefined;
    return {
      id: typeof from?.id === 'string' ? from.id : '',
      name: typeof from?.name === 'string' ? from.name : '',
      aadObjectId: typeof from?.aadObjectId === 'string' ? from.aadObjectId : undefined,
    };
  }

  get identity(): TeamsIdentity | undefined {
    return identityOf(this.context.activity);
  }

  get place(): ConversationPlace {
    const type: unknown = this.context.activity.conversation?.conversationType;
    return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  }

  get conversationId(): string {
    return this.context.activity.conversation.id;
  }

  get tenantId(): string | undefined {
    return this.identity?.tenantId ?? stringOrUndefined(this.context.activity.conversation?.tenantId);
  }

  get teamId(): string | undefined {
    const channelData = this.context.activity.channelData as { team?: { id?: unknown } } | undefined;
    return stringOrUndefined(channelData?.team?.id);
  }

  get teamName(): string | undefined {
    const channelData = this.context.activity.channelData as { team?: { name?: unknown } } | undefined;
    return stringOrUndefined(channelData?.team?.name);
  }

  get sentAt(): Date | undefined {
    const raw: unknown = this.context.activity.timestamp;
    const date = raw instanceof Date ? raw : typeof raw === 'string' ? new Date(raw) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  }

  person(): Promise<TurnPerson> {
    this.personLookup ??= this.lookUp();
    return this.personLookup;
  }

  forgetPerson(): void {
    this.personLookup = undefined;
  }

  async send(activity: OutgoingActivity): Promise<void> {
    await this.context.sendActivity(toBotActivity(activity));
  }

  reference(): ConversationReference {
    return TurnContext.getConversationReference(this.context.activity);
  }

  markHandled(): void {
    this.context.turnState.set(HANDLED, true);
  }

  get handled(): boolean {
    return this.context.turnState.get(HANDLED) === true;
  }

  private async lookUp(): Promise<TurnPerson> {
    const identity = this.identity;
    const participant = identity ? await this.directory.find(identity) : undefined;
    return {
      identity,
      participant,
      language: resolveLanguage(participant?.language, this.context.activity.locale),
    };
  }
}

/** Our outgoing activity as botbuilder's (the same JSON; botbuilder's types are mutable). */
export function toBotActivity(activity: OutgoingActivity): Partial<Activity> {
  return { ...activity, attachments: activity.attachments?.map((attachment) => ({ ...attachment })) };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
