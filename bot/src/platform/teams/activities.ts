import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCardJson } from '../../shared/cards/render-card';

/** A message activity carrying one Adaptive Card. */
export function cardActivity(card: AdaptiveCardJson, summary?: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (summary) activity.summary = summary;
  return activity;
}

/** A plain Markdown text message. */
export function textActivity(text: string): Partial<Activity> {
  return MessageFactory.text(text);
}
