import type { CardAction, CardActionResult, Turn, TurnPerson } from '../platform/teams';
import { z } from 'zod';
import { VERBS } from '../shared/cards/verbs';
import { groupMessagesFor } from './group-messages';
import type { InvitationService } from './invitation-service';

const rsvpData = z.object({
  roundId: z.string().min(1).max(200),
  meetingId: z.string().min(1).max(300),
  // The templating keeps numbers, but a client may send the version as text.
  sequence: z.coerce.number().int().min(0).max(100_000),
  response: z.enum(['accepted', 'declined']),
});

/**
 * Accept / Decline on a peer-group invitation. The answer is stored only for a member of the group,
 * for a meeting that stands, on the card of the current version; an outdated card is answered with
 * the current one and a notice, and nothing is stored.
 */
export class RsvpAction implements CardAction<typeof rsvpData> {
  readonly verb = VERBS.rsvp;
  readonly schema = rsvpData;

  constructor(private readonly invitations: InvitationService) {}

  async handle(turn: Turn, data: z.infer<typeof rsvpData>, person: TurnPerson): Promise<CardActionResult> {
    const m = groupMessagesFor(person.language);
    if (!person.identity) return { kind: 'rejected', text: m.notAParticipant };
    const outcome = await this.invitations.respond(
      data.roundId,
      data.meetingId,
      person.identity,
      data.response,
      data.sequence,
      person.participant?.name ?? turn.sender.name,
    );
    switch (outcome.kind) {
      case 'unknownMeeting':
        return { kind: 'rejected', text: m.unknownMeeting };
      case 'notMember':
        return { kind: 'rejected', text: m.notInGroup };
      case 'cancelled':
        return {
          kind: 'card',
          card: await this.card(outcome.meeting, person, { notice: m.meetingCancelled }),
        };
      case 'changed':
        return { kind: 'card', card: await this.card(outcome.meeting, person, { notice: m.changedNotice }) };
      case 'recorded':
        return {
          kind: 'card',
          card: await this.card(outcome.meeting, person, {
            confirmation: data.response === 'accepted' ? m.recordedAccepted : m.recordedDeclined,
          }),
        };
    }
  }

  private async card(
    meeting: Parameters<InvitationService['cardFor']>[0],
    person: TurnPerson,
    extra: { notice?: string; confirmation?: string },
  ): Promise<object> {
    if (!person.identity) throw new Error('An answer needs the sender');
    const activity = await this.invitations.cardFor(meeting, person.identity, person.language, extra);
    const card: unknown = activity.attachments?.[0]?.content;
    if (typeof card !== 'object' || card === null) throw new Error('The invitation card did not render');
    return card;
  }
}
