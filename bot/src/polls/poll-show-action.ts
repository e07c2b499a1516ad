import type { CardAction, CardActionResult, Turn, TurnPerson } from '../platform/teams';
import { z } from 'zod';
import { VERBS } from '../shared/cards/verbs';
import { placeOf, type PollViews } from './poll-views';

export const pollReference = z.object({ pollId: z.string().min(1).max(100) });

/**
 * "Answer / show my answer" on the channel card and the `toiveet` list, and the automatic refresh
 * of personal cards: returns the person's own view of the poll, for them only.
 */
export class PollShowAction implements CardAction<typeof pollReference> {
  readonly verb = VERBS.pollShow;
  readonly schema = pollReference;

  constructor(private readonly views: PollViews) {}

  async handle(
    turn: Turn,
    data: z.infer<typeof pollReference>,
    person: TurnPerson,
  ): Promise<CardActionResult> {
    return { kind: 'card', card: await this.views.current(data.pollId, person, placeOf(turn), 'show') };
  }
}
