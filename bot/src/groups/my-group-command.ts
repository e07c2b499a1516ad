import { textActivity, type BotCommand, type OutgoingActivity, type Turn } from '../platform/teams';
import { groupMessagesFor } from './group-messages';
import type { InvitationService } from './invitation-service';
import type { PeerGroupService } from './peer-group-service';

/** `ryhmäni` / `min grupp` / `my group`: the invitation of my next group discussion, answerable here. */
export const MY_GROUP_PATTERN =
  /^\s*(ryhmäni|ryhmani|vertaisryhmä|vertaisryhma|min grupp|mina grupper|kamratgrupp|my group|my groups|peer group)\s*[.!?]?\s*$/i;

export class MyGroupCommand implements BotCommand {
  readonly pattern = MY_GROUP_PATTERN;
  /** The group's members and the person's own answer are theirs to see. */
  readonly answersPrivately = true;

  constructor(
    private readonly groups: PeerGroupService,
    private readonly invitations: InvitationService,
    private readonly clock: () => Date,
  ) {}

  async handle(turn: Turn): Promise<OutgoingActivity> {
    const person = await turn.person();
    const m = groupMessagesFor(person.language);
    const roundId = await this.groups.currentRoundId();
    if (!person.identity || !roundId) return textActivity(m.noGroup);
    const now = this.clock().toISOString();
    const next = (await this.invitations.meetingsOf(roundId, person.identity)).find(
      (meeting) => meeting.status === 'scheduled' && meeting.endsAt > now,
    );
    if (!next) return textActivity(m.noGroup);
    return this.invitations.cardFor(next, person.identity, person.language);
  }
}
