import type { Turn, TurnPerson } from './turn';
import type { ConversationPlace, ConversationReference, OutgoingActivity } from './types';

/**
 * The turn a command that answers privately sees when it was asked in a channel or group chat:
 * everything as it was, except that the answer is being written for the person's own chat. What
 * the handler sends is collected, to go to that chat through the outbox, never to the shared one.
 */
export class PrivateTurn implements Turn {
  private readonly sent: OutgoingActivity[] = [];

  constructor(private readonly shared: Turn) {}

  /** What the handler sent with `send`, in order. */
  get collected(): readonly OutgoingActivity[] {
    return this.sent;
  }

  get activityId(): string | undefined {
    return this.shared.activityId;
  }
  get activityType(): string {
    return this.shared.activityType;
  }
  get text(): string {
    return this.shared.text;
  }
  get locale(): string | undefined {
    return this.shared.locale;
  }
  get sender(): Turn['sender'] {
    return this.shared.sender;
  }
  get identity(): Turn['identity'] {
    return this.shared.identity;
  }
  /** Cards are built for the personal chat they go to (user-specific views, refresh). */
  get place(): ConversationPlace {
    return 'personal';
  }
  get conversationId(): string {
    return this.shared.conversationId;
  }
  get tenantId(): string | undefined {
    return this.shared.tenantId;
  }
  get teamId(): string | undefined {
    return this.shared.teamId;
  }
  get sentAt(): Date | undefined {
    return this.shared.sentAt;
  }
  person(): Promise<TurnPerson> {
    return this.shared.person();
  }
  forgetPerson(): void {
    this.shared.forgetPerson();
  }
  send(activity: OutgoingActivity): Promise<void> {
    this.sent.push(activity);
    return Promise.resolve();
  }
  reference(): ConversationReference {
    return this.shared.reference();
  }
}
