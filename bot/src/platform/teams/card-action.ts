import {
  AdaptiveCardResponse,
  InvokeResponseErrorCode,
  InvokeResponseFactory,
  type TeamsFxAdaptiveCardActionHandler,
} from '@microsoft/teamsfx';
import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { z } from 'zod';
import { messagesFor } from '../../shared/i18n/messages';
import type { Logger } from '../observability/logger';
import { TeamsTurn } from './teams-turn';
import type { ParticipantDirectory, Turn, TurnPerson } from './turn';

/** What a card action handler decides; the adapter below turns it into an invoke response. */
export type CardActionResult =
  | { readonly kind: 'card'; readonly card: object }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'rejected'; readonly text: string };

/** An `Action.Execute` verb and what it does; the data is parsed with the schema before `handle`. */
export interface CardAction<S extends z.ZodType = z.ZodType> {
  readonly verb: string;
  readonly schema: S;
  handle(turn: Turn, data: z.infer<S>, person: TurnPerson): Promise<CardActionResult>;
}

/**
 * Adapts one of our card actions to TeamsFx: parses the data with the action's schema first, and
 * never lets an exception reach TeamsFx, which would show the raw error message to the user.
 */
export function toTeamsFxHandler(
  action: CardAction,
  directory: ParticipantDirectory,
  logger: Logger,
): TeamsFxAdaptiveCardActionHandler {
  const handler: TeamsFxAdaptiveCardActionHandler = {
    triggerVerb: action.verb,
    handleActionInvoked: async (context: TurnContext, actionData: unknown): Promise<InvokeResponse> => {
      let person: TurnPerson | undefined;
      try {
        const turn = TeamsTurn.of(context, directory);
        person = await turn.person();
        const parsed = action.schema.safeParse(actionData);
        if (!parsed.success) {
          logger.warn('card action data rejected', {
            verb: action.verb,
            activityId: context.activity.id,
            issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`),
          });
          return InvokeResponseFactory.errorResponse(
            InvokeResponseErrorCode.BadRequest,
            messagesFor(person.language).unknownCardAction,
          );
        }
        const result = await action.handle(turn, parsed.data, person);
        switch (result.kind) {
          case 'card':
            return InvokeResponseFactory.adaptiveCard(result.card);
          case 'message':
            return InvokeResponseFactory.textMessage(result.text);
          case 'rejected':
            return InvokeResponseFactory.errorResponse(InvokeResponseErrorCode.BadRequest, result.text);
        }
      } catch (error) {
        logger.error('card action failed', {
          verb: action.verb,
          activityId: context.activity.id,
          conversationId: context.activity.conversation?.id,
          error,
        });
        return InvokeResponseFactory.errorResponse(
          InvokeResponseErrorCode.InternalServerError,
          messagesFor(person?.language ?? 'fi').somethingWentWrong,
        );
      }
    },
  };
  // The answer replaces the card only for the person who clicked. TeamsFx switches a handler to
  // ReplaceForAll for good once it returns a card with `refresh`, which would overwrite a shared
  // channel card with one person's view; the mode is pinned so that can never happen.
  return Object.defineProperty(handler, 'adaptiveCardResponse', {
    get: () => AdaptiveCardResponse.ReplaceForInteractor,
    set: () => undefined,
    enumerable: true,
  });
}
