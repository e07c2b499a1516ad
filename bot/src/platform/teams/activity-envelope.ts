import { z } from 'zod';

/**
 * The least an activity must have before the adapter sees it: a type, the conversation it belongs
 * to and the service URL replies go to. Anything less is a malformed request (400), not a turn
 * that fails halfway.
 */
export const activityEnvelope = z
  .looseObject({
    type: z.string().min(1).max(64),
    id: z.string().max(256).optional(),
    serviceUrl: z.url().max(2048),
    channelId: z.string().min(1).max(64),
    conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
    from: z.looseObject({ id: z.string().min(1).max(1024) }).optional(),
    recipient: z.looseObject({ id: z.string().min(1).max(1024) }).optional(),
    text: z.string().max(28_000).optional(),
  })
  .refine(
    // TeamsFx reads value.action.verb of every card action without checking it is there.
    (activity) => {
      if (activity.type !== 'invoke' || (activity as { name?: unknown }).name !== 'adaptiveCard/action')
        return true;
      const action = ((activity as { value?: { action?: unknown } }).value ?? {}).action;
      return (
        typeof action === 'object' &&
        action !== null &&
        typeof (action as { verb?: unknown }).verb === 'string'
      );
    },
    { message: 'a card action needs value.action.verb' },
  );
