import type { CommandMessage, TeamsFxBotCommandHandler } from '@microsoft/teamsfx';
import type { Activity, TurnContext } from 'botbuilder';
import { groupMessagesFor } from './group-messages';
import type { InvitationService } from './invitation-service';
import type { PeerGroupService } from './peer-group-service';
import { textActivity } from '../platform/teams/activities';
import { markHandled, type TurnPeople } from '../platform/teams/turn-people';

/** `ryhmäni` / `min grupp` / `my group`: the invitation of my next group discussion, answerable here. */
export const MY_GROUP_PATTERN =
  /^\s*(ryhmäni|ryhmani|vertaisryhmä|vertaisryhma|min grupp|mina grupper|kamratgrupp|my group|my groups|peer group)\s*[.!?]?\s*$/i;

export class MyGroupCommand implements TeamsFxBotCommandHandler {
  readonly triggerPatterns = MY_GROUP_PATTERN;

  constructor(
    private readonly people: TurnPeople,
    private readonly groups: PeerGroupService,
    private readonly invitations: InvitationService,
    private readonly clock: () => Date,
  ) {}

  async handleCommandReceived(context: TurnContext, _message: CommandMessage): Promise<Partial<Activity>> {
    markHandled(context);
    const person = await this.people.resolve(context);
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
