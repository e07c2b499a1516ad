import type { AdaptiveCardJson } from '../../shared/cards/render-card';
import type { OutgoingActivity } from './types';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A message activity carrying one Adaptive Card. */
export function cardActivity(card: AdaptiveCardJson, summary?: string): OutgoingActivity {
  return {
    type: 'message',
    inputHint: 'acceptingInput',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
    ...(summary ? { summary } : {}),
  };
}

/** A plain Markdown text message. */
export function textActivity(text: string): OutgoingActivity {
  return { type: 'message', text, inputHint: 'acceptingInput' };
}

/** The Adaptive Card an activity carries, if any (for a card action that answers with a card). */
export function cardOf(activity: OutgoingActivity): AdaptiveCardJson | undefined {
  const content = activity.attachments?.find(
    (attachment) => attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE,
  )?.content;
  return typeof content === 'object' && content !== null ? (content as AdaptiveCardJson) : undefined;
}
