import type { CardAction, CardActionResult, Turn, TurnPerson } from '../platform/teams';
import type { z } from 'zod';
import { buildPollSummaryCard } from './poll-card';
import { VERBS } from '../shared/cards/verbs';
import { pollMessagesFor } from './poll-messages';
import type { Clock } from '../platform/clock';
import type { WishPollReporting } from './wish-poll-reporting';
import type { WishPollService } from './wish-poll-service';
import type { CoordinatorRepository } from '../people';
import type { TabLinks } from '../shared/tab-links';
import { pollReference } from './poll-show-action';
import type { PollViews } from './poll-views';

/** "Results" on a coordinator's `toiveet` list: a short summary card, for coordinators only. */
export class PollSummaryAction implements CardAction<typeof pollReference> {
  readonly verb = VERBS.pollSummary;
  readonly schema = pollReference;

  constructor(
    private readonly polls: WishPollService,
    private readonly reporting: WishPollReporting,
    private readonly coordinators: CoordinatorRepository,
    private readonly views: PollViews,
    private readonly links: TabLinks,
    private readonly clock: Clock,
  ) {}

  async handle(
    _turn: Turn,
    data: z.infer<typeof pollReference>,
    person: TurnPerson,
  ): Promise<CardActionResult> {
    const m = pollMessagesFor(person.language);
    if (!person.identity || !(await this.coordinators.isCoordinator(person.identity))) {
      return { kind: 'card', card: this.views.notice(m.onlyCoordinators, person.language) };
    }
    const poll = await this.polls.get(data.pollId);
    if (!poll) return { kind: 'card', card: this.views.notice(m.unknownPoll, person.language) };
    const [tally, audience] = await Promise.all([this.polls.tally(poll.id), this.reporting.audience(poll)]);
    return {
      kind: 'card',
      card: buildPollSummaryCard(poll, tally, audience.total, person.language, {
        now: this.clock(),
        tabUrl: this.links.to('polls', poll.id),
      }),
    };
  }
}
