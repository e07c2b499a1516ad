import { cardActivity, type OutgoingActivity } from '../platform/teams';
import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import { formatHelsinkiDateTime, formatHelsinkiRange } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import { EVENT_TYPE_NAMES, type ProgrammeEvent } from '../shared/programme-event';
import recordingTemplate from './recording.card.json';
import type { Recording } from './recording-repository';
import { registrationMessagesFor } from './registration-messages';

export interface RecordingCardData {
  readonly heading: string;
  readonly title: string;
  readonly typeName: string;
  readonly when: string;
  readonly lead: string;
  readonly until: string;
  readonly footer: string;
  readonly watchLabel: string;
  readonly url: string;
}

const recordingCard = defineCard<RecordingCardData>(recordingTemplate);

/** The recording of a past event: what it was, until when it can be watched, and the link. */
export function buildRecordingCard(
  event: ProgrammeEvent,
  recording: Recording,
  url: string,
  language: Language,
): AdaptiveCardJson {
  const m = registrationMessagesFor(language);
  return renderCard(recordingCard, {
    heading: m.recording.heading,
    title: pickText(event.title, language),
    typeName: pickText(EVENT_TYPE_NAMES[event.type], language),
    when: formatHelsinkiRange(new Date(event.startsAt), new Date(event.endsAt), language),
    lead: m.recording.lead,
    until: m.recording.availableUntil(formatHelsinkiDateTime(new Date(recording.availableUntil), language)),
    footer: m.timesAreHelsinki,
    watchLabel: m.recording.watch,
    url,
  });
}

export function recordingActivity(
  event: ProgrammeEvent,
  recording: Recording,
  url: string,
  language: Language,
): OutgoingActivity {
  const m = registrationMessagesFor(language);
  return cardActivity(
    buildRecordingCard(event, recording, url, language),
    `${m.recording.heading}: ${pickText(event.title, language)}`,
  );
}
