import { cardActivity, type BotCommand, type OutgoingActivity, type Turn } from '../platform/teams';
import { buildPollListCard, type PollListEntry } from './poll-card';
import type { Clock } from '../platform/clock';
import { pollStatus } from './wish-poll';
import { answererOf, type WishPollService } from './wish-poll-service';
import type { CoordinatorRepository } from '../people';

/** `toiveet` / `önskemål` / `wishes`: the topic wish polls open to me, and whether I have answered. */
export const WISHES_PATTERN =
  /^\s*(toiveet|toive|aihetoiveet|kyselyt|önskemål|onskemal|enkäter|enkater|wishes|polls)\s*[.!?]?\s*$/i;

/** How long after closing a coordinator still finds a poll in the list, to get its results. */
const RECENTLY_CLOSED_MS = 30 * 24 * 60 * 60 * 1000;

export class WishesCommand implements BotCommand {
  readonly pattern = WISHES_PATTERN;
  /** Whether the person answered, and their answer form, are theirs to see. */
  readonly answersPrivately = true;

  constructor(
    private readonly polls: WishPollService,
    private readonly coordinators: CoordinatorRepository,
    private readonly clock: Clock,
  ) {}

  async handle(turn: Turn): Promise<OutgoingActivity> {
    const person = await turn.person();
    const now = this.clock();
    const [mine, coordinator] = await Promise.all([
      this.polls.openFor(answererOf(person.participant)),
      person.identity ? this.coordinators.isCoordinator(person.identity) : Promise.resolve(false),
    ]);
    const entries: PollListEntry[] = mine.map((entry) => ({ ...entry, answerable: true }));
    if (coordinator) {
      // Coordinators also see the polls they are not asked in, and recently closed ones, for results.
      const listed = new Set(entries.map((entry) => entry.poll.id));
      for (const poll of await this.polls.list()) {
        if (listed.has(poll.id)) continue;
        const status = pollStatus(poll, now);
        const recent = now.getTime() - Date.parse(poll.closedAt ?? poll.closesAt) < RECENTLY_CLOSED_MS;
        if (status === 'open' || (status === 'closed' && recent)) {
          entries.push({ poll, answer: undefined, answerable: false });
        }
      }
    }
    return cardActivity(buildPollListCard(entries, person.language, { coordinator, now }));
  }
}
