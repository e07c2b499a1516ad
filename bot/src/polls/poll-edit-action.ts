import type { CardAction, CardActionResult, Turn, TurnPerson } from '../platform/teams';
import type { z } from 'zod';
import { VERBS } from '../shared/cards/verbs';
import { pollReference } from './poll-show-action';
import { placeOf, type PollViews } from './poll-views';

/** "Change answer": the form again, with the stored answer filled in. */
export class PollEditAction implements CardAction<typeof pollReference> {
  readonly verb = VERBS.pollEdit;
  readonly schema = pollReference;

  constructor(private readonly views: PollViews) {}

  async handle(
    turn: Turn,
    data: z.infer<typeof pollReference>,
    person: TurnPerson,
  ): Promise<CardActionResult> {
    return { kind: 'card', card: await this.views.current(data.pollId, person, placeOf(turn), 'edit') };
  }
}
