import type { CardAction, CardActionResult, Turn, TurnPerson } from '../platform/teams';
import { z } from 'zod';
import { buildPollFormCard, buildPollReceiptCard } from './poll-card';
import { VERBS } from '../shared/cards/verbs';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { pollMessagesFor } from './poll-messages';
import type { Clock } from '../platform/clock';
import { normaliseSuggestion, parseChoiceValue } from './wish-poll';
import { answererOf, type WishPollService } from './wish-poll-service';
import { describeProblem, MAX_BODY_CHARACTERS, whatFits } from './poll-problems';
import { placeOf, type PollViews } from './poll-views';

/**
 * What the form submits: the poll id from the action's data, merged with the inputs (`topics` is
 * the ChoiceSet's comma-separated value). The suggestion is bounded only by the request body
 * limit: a schema refusal could only say "this card is outdated" and drop what was typed, while
 * the poll's own limit, checked by the service, brings the form back with the limit said and the
 * part that fits.
 */
export const pollAnswerData = z.object({
  pollId: z.string().min(1).max(100),
  topics: z.string().max(4000).optional(),
  suggestion: z.string().max(MAX_BODY_CHARACTERS).optional(),
});

/** "Send answer": stores the answer first, then shows it, changeable until the poll closes. */
export class PollAnswerAction implements CardAction<typeof pollAnswerData> {
  readonly verb = VERBS.pollAnswer;
  readonly schema = pollAnswerData;

  constructor(
    private readonly polls: WishPollService,
    private readonly views: PollViews,
    private readonly clock: Clock,
  ) {}

  async handle(
    turn: Turn,
    data: z.infer<typeof pollAnswerData>,
    person: TurnPerson,
  ): Promise<CardActionResult> {
    const { language } = person;
    const m = pollMessagesFor(language);
    const place = placeOf(turn);
    const input = { topicIds: parseChoiceValue(data.topics), suggestion: data.suggestion };
    const outcome = await this.polls.answer(
      data.pollId,
      answererOf(person.participant),
      input,
      submittedAt(turn, this.clock),
    );
    const now = this.clock();
    switch (outcome.kind) {
      case 'saved':
        return {
          kind: 'card',
          card: buildPollReceiptCard(outcome.poll, language, {
            answer: outcome.answer,
            now,
            place,
            justSaved: true,
          }),
        };
      case 'superseded':
        return {
          kind: 'card',
          card: buildPollReceiptCard(outcome.poll, language, {
            answer: outcome.answer,
            now,
            place,
            superseded: true,
          }),
        };
      case 'unknownPoll':
        return { kind: 'card', card: this.views.notice(m.unknownPoll, language) };
      case 'notOpenYet':
        return {
          kind: 'card',
          card: this.views.notice(
            m.notOpenYet(formatHelsinkiDateTime(new Date(outcome.poll.opensAt), language)),
            language,
          ),
        };
      case 'closed':
        return { kind: 'card', card: await this.views.closed(outcome.poll, person, place, m.pollClosed) };
      case 'outsideAudience':
        return { kind: 'card', card: this.views.notice(m.notInAudience, language) };
      case 'invalid': {
        // The form comes back with the message and what they sent, so nothing typed is lost.
        const known = new Set(outcome.poll.topics.map((topic) => topic.id));
        return {
          kind: 'card',
          card: buildPollFormCard(outcome.poll, language, {
            answer: {
              topicIds: input.topicIds.filter((id) => known.has(id)),
              suggestion: whatFits(normaliseSuggestion(input.suggestion), outcome.poll.suggestionMaxLength),
            },
            error:
              outcome.problem.kind === 'suggestionTooLong'
                ? `${describeProblem(outcome.problem, input, language)} ${m.suggestionKept(outcome.problem.max)}`
                : describeProblem(outcome.problem, input, language),
            place,
          }),
        };
      }
    }
  }
}

/** When Teams says the person clicked; the server's clock when the activity carries no usable time. */
function submittedAt(turn: Turn, clock: Clock): Date {
  return turn.sentAt ?? clock();
}
