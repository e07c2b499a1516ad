import type { Turn, TurnPerson } from '../platform/teams';
import {
  buildPollFormCard,
  buildPollNoticeCard,
  buildPollReceiptCard,
  type PollCardPlace,
} from './poll-card';
import type { AdaptiveCardJson } from '../shared/cards/render-card';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import type { Language } from '../shared/i18n/language';
import { pollMessagesFor } from './poll-messages';
import type { Clock } from '../platform/clock';
import { isInAudience, pollStatus, type WishPoll } from './wish-poll';
import { answererOf, type WishPollService } from './wish-poll-service';

/** Personal chats are user-specific by nature; anywhere else the card a button returns is the interactor's own. */
export function placeOf(turn: Turn): PollCardPlace {
  return turn.place === 'personal' ? 'personal' : 'shared';
}

/**
 * The card one person sees for a poll right now: the form if they have not answered, their answer
 * (changeable) if they have, the closed state with results where allowed, or why they cannot answer.
 */
export class PollViews {
  constructor(
    private readonly polls: WishPollService,
    private readonly clock: Clock,
  ) {}

  async current(
    pollId: string,
    person: TurnPerson,
    place: PollCardPlace,
    mode: 'show' | 'edit' = 'show',
  ): Promise<AdaptiveCardJson> {
    const m = pollMessagesFor(person.language);
    const poll = await this.polls.get(pollId);
    if (!poll) return buildPollNoticeCard(m.unknownPoll, person.language);
    const now = this.clock();
    const status = pollStatus(poll, now);
    if (status === 'scheduled') {
      return buildPollNoticeCard(
        m.notOpenYet(formatHelsinkiDateTime(new Date(poll.opensAt), person.language)),
        person.language,
      );
    }
    const answerer = answererOf(person.participant);
    const asked = answerer !== undefined && isInAudience(poll, answerer);
    if (status === 'closed') {
      // Even someone outside the audience may see the closed card (with results where allowed).
      return this.closed(poll, person, place);
    }
    if (!asked || !answerer) return buildPollNoticeCard(m.notInAudience, person.language);
    const answer = await this.polls.answerOf(poll.id, answerer);
    if (answer && mode === 'show') return buildPollReceiptCard(poll, person.language, { answer, now, place });
    return buildPollFormCard(poll, person.language, { answer, place, editing: answer !== undefined });
  }

  async closed(
    poll: WishPoll,
    person: TurnPerson,
    place: PollCardPlace,
    message?: string,
  ): Promise<AdaptiveCardJson> {
    const [answer, tally] = await Promise.all([
      person.identity ? this.polls.answerOf(poll.id, person.identity) : Promise.resolve(undefined),
      poll.resultsVisibleToParticipants ? this.polls.tally(poll.id) : Promise.resolve(undefined),
    ]);
    return buildPollReceiptCard(poll, person.language, {
      answer,
      now: this.clock(),
      place,
      tally,
      ...(message ? { message } : {}),
    });
  }

  notice(message: string, language: Language): AdaptiveCardJson {
    return buildPollNoticeCard(message, language);
  }
}
