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
    // Ids the turn reads as text (tenant, Entra object id) must be text: a number there failed the
    // turn halfway with "value.replace is not a function".
    conversation: z.looseObject({
      id: z.string().min(1).max(1024),
      tenantId: z.string().max(100).optional(),
    }),
    channelData: z
      .looseObject({ tenant: z.looseObject({ id: z.string().max(100).optional() }).optional() })
      .optional(),
    from: z
      .looseObject({ id: z.string().min(1).max(1024), aadObjectId: z.string().max(100).optional() })
      .optional(),
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
