import type { Clock } from '../platform/clock';
import type { Delivery, OutgoingMessage } from '../platform/delivery';
import type { Logger } from '../platform/observability/logger';
import { cardActivity } from '../platform/teams';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { resolveLanguage } from '../shared/i18n/language';
import type { Participant } from '../shared/participant';
import { surveyMessagesFor } from './survey-messages';
import type { SurveyRepository } from './survey-repository';
import type { PeopleDirectory, SurveyReporting } from './survey-results';
import type { SurveyService } from './survey-service';
import type { SurveyTeams } from './survey-teams';
import { effectiveCloseTime, surveyStatus, type Survey } from './survey';

export interface NotificationSettings {
  /** The reminder goes this many hours before the close, if the response rate is low. */
  readonly reminderLeadHours?: number;
  /** "Low": below this share of the headcount. */
  readonly lowResponseRate?: number;
}

/**
 * The survey's proactive cards, through the outbox:
 * - when a survey opens, its contacts get the card with the share link, the QR code and the live
 *   count, and the municipality's other network participants get the answer card;
 * - near the close, when fewer than half have answered, the contacts get a reminder card.
 * Each is enqueued under a stable delivery id (the outbox sends a (delivery, person) once, however
 * many instances enqueue it) and then marked done, so later passes skip it.
 */
export class SurveyNotifications {
  private readonly leadMs: number;
  private readonly lowRate: number;

  constructor(
    private readonly deps: {
      readonly service: SurveyService;
      readonly repository: SurveyRepository;
      readonly reporting: SurveyReporting;
      readonly teams: SurveyTeams;
      readonly people: PeopleDirectory;
      readonly delivery: Delivery;
      readonly clock: Clock;
      readonly logger: Logger;
    },
    settings: NotificationSettings = {},
  ) {
    this.leadMs = (settings.reminderLeadHours ?? 72) * 3600_000;
    this.lowRate = settings.lowResponseRate ?? 0.5;
  }

  async runOnce(): Promise<{ opened: number; reminded: number }> {
    const now = this.deps.clock();
    let opened = 0;
    let reminded = 0;
    for (const survey of await this.deps.service.list()) {
      if (surveyStatus(survey, now) !== 'open') continue;
      try {
        if (!(await this.deps.repository.hasNotice(survey.id, 'opened'))) {
          await this.sendOpened(survey);
          await this.deps.repository.claimNotice(survey.id, 'opened', now);
          opened += 1;
        }
        if (await this.reminderDue(survey, now)) {
          await this.sendReminder(survey);
          await this.deps.repository.claimNotice(survey.id, 'reminder', now);
          reminded += 1;
        }
      } catch (error) {
        // Tried again at the next pass: the delivery ids make a repeat harmless.
        this.deps.logger.warn('survey notice failed', { surveyId: survey.id, error });
      }
    }
    return { opened, reminded };
  }

  private async reminderDue(survey: Survey, now: Date): Promise<boolean> {
    if (!survey.headcount) return false;
    if (Date.parse(effectiveCloseTime(survey)) - now.getTime() > this.leadMs) return false;
    if (await this.deps.repository.hasNotice(survey.id, 'reminder')) return false;
    const { respondents } = await this.deps.service.tally(survey.id);
    return respondents / survey.headcount < this.lowRate;
  }

  private async sendOpened(survey: Survey): Promise<void> {
    const contacts = (await this.deps.reporting.contactsOf(survey)).people;
    const contactKeys = new Set(contacts.map(keyOf));
    const messages: OutgoingMessage[] = [];
    for (const person of contacts) {
      const language = resolveLanguage(person.language, undefined);
      messages.push({
        target: { kind: 'person', identity: person },
        activity: cardActivity(
          await this.deps.teams.contactCard(survey, language, 'personal'),
          surveyMessagesFor(language).surveyName,
        ),
      });
    }
    const colleagues = (await this.deps.people.all()).filter(
      (p) => p.active && p.municipalityId === survey.municipalityId && !contactKeys.has(keyOf(p)),
    );
    for (const person of colleagues) {
      const language = resolveLanguage(person.language, undefined);
      messages.push({
        target: { kind: 'person', identity: person },
        activity: cardActivity(
          await this.deps.teams.answerCardFor(survey, { identity: person, participant: person, language }),
          surveyMessagesFor(language).surveyName,
        ),
      });
    }
    if (messages.length === 0) return;
    await this.deps.delivery.enqueue({
      deliveryId: `survey-opened:${survey.id}`,
      purpose: 'survey',
      messages,
      notAfter: effectiveCloseTime(survey),
      roundId: survey.roundId,
    });
    this.deps.logger.info('survey opening cards enqueued', {
      surveyId: survey.id,
      contacts: contacts.length,
      colleagues: colleagues.length,
    });
  }

  private async sendReminder(survey: Survey): Promise<void> {
    const contacts = (await this.deps.reporting.contactsOf(survey)).people;
    const { respondents } = await this.deps.service.tally(survey.id);
    const percent = survey.headcount ? Math.round((respondents / survey.headcount) * 100) : 0;
    const messages: OutgoingMessage[] = [];
    for (const person of contacts) {
      const language = resolveLanguage(person.language, undefined);
      const m = surveyMessagesFor(language);
      const notice = m.reminderNotice(
        percent,
        formatHelsinkiDateTime(new Date(effectiveCloseTime(survey)), language),
      );
      messages.push({
        target: { kind: 'person', identity: person },
        activity: cardActivity(
          await this.deps.teams.contactCard(survey, language, 'personal', notice),
          notice,
        ),
      });
    }
    if (messages.length === 0) return;
    await this.deps.delivery.enqueue({
      deliveryId: `survey-reminder:${survey.id}`,
      purpose: 'survey',
      messages,
      notAfter: effectiveCloseTime(survey),
      roundId: survey.roundId,
    });
  }
}

function keyOf(person: Pick<Participant, 'tenantId' | 'aadObjectId'>): string {
  return `${person.tenantId}/${person.aadObjectId}`;
}
