import type { Feature, FeatureContext } from '../platform/feature';
import { PeriodicJob } from '../platform/periodic-job';
import { cardActivity } from '../platform/teams';
import type { CoordinatorRepository, MunicipalityRepository, ParticipantRepository } from '../people';
import { DEFAULT_LANGUAGE, resolveLanguage } from '../shared/i18n/language';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { buildPollChannelCard, buildPollFormCard } from './poll-card';
import { pollMessagesFor } from './poll-messages';
import { PollAnswerAction } from './poll-answer-action';
import { PollChannelTally } from './poll-channel-tally';
import { PollEditAction } from './poll-edit-action';
import { registerPollRoutes } from './poll-routes';
import { PollShowAction } from './poll-show-action';
import { PollSummaryAction } from './poll-summary-action';
import { PollViews } from './poll-views';
import { WishesCommand } from './wishes-command';
import { WishPollPublisher, type PollMessageRenderer } from './wish-poll-publisher';
import { WishPollReminders } from './wish-poll-reminders';
import type { WishPollRepository } from './wish-poll-repository';
import { WishPollReporting } from './wish-poll-reporting';
import { WishPollService } from './wish-poll-service';

export interface PollDeps {
  readonly wishPolls: WishPollRepository;
  readonly participants: ParticipantRepository;
  readonly coordinators: CoordinatorRepository;
  readonly municipalities: MunicipalityRepository;
}

export interface PollSettings {
  /** How often due reminders are looked for (default one minute). */
  readonly reminderCheckIntervalMs?: number;
  /** How often the channel posts' tallies are brought up to date (default 30 seconds). */
  readonly channelTallyIntervalMs?: number;
}

/**
 * Topic wish polls: participants answer in Teams (cards with Action.Execute) or in the tab;
 * coordinators create, post and close polls and read the results. Background work: the one
 * reminder per poll to those who have not answered.
 */
export function pollsFeature(
  context: FeatureContext,
  deps: PollDeps,
  settings: PollSettings = {},
): Feature & {
  readonly polls: WishPollService;
  readonly reminders: WishPollReminders;
  readonly channelTally: PollChannelTally;
} {
  const { clock, logger } = context;
  const repository = deps.wishPolls;
  const polls = new WishPollService(repository, clock);
  const reporting = new WishPollReporting(polls, repository, deps.participants, deps.municipalities, clock);
  const views = new PollViews(polls, clock);
  const renderer: PollMessageRenderer = {
    channel: (poll, tally) =>
      cardActivity(
        buildPollChannelCard(poll, DEFAULT_LANGUAGE, { ...(tally ? { tally } : {}), now: clock() }),
        pollMessagesFor(DEFAULT_LANGUAGE).pollTitle,
      ),
    personal: (poll, participant) => {
      const language = resolveLanguage(participant.language, undefined);
      return cardActivity(
        buildPollFormCard(poll, language, { place: 'personal' }),
        pollMessagesFor(language).pollTitle,
      );
    },
    reminder: (poll, participant) => {
      const language = resolveLanguage(participant.language, undefined);
      const m = pollMessagesFor(language);
      const notice = m.reminder(formatHelsinkiDateTime(new Date(poll.closesAt), language));
      return cardActivity(buildPollFormCard(poll, language, { place: 'personal', notice }), notice);
    },
  };
  const publisher = new WishPollPublisher(context.delivery, reporting, renderer);
  const reminders = new WishPollReminders(
    polls,
    repository,
    reporting,
    context.delivery,
    renderer,
    clock,
    logger.child({ component: 'poll-reminders' }),
  );
  const channelTally = new PollChannelTally(
    polls,
    reporting,
    context.delivery,
    (poll, tally) => renderer.channel(poll, tally),
    clock,
    logger.child({ component: 'poll-channel-tally' }),
  );
  const tallyJob = new PeriodicJob({
    name: 'poll channel tallies',
    intervalMs: settings.channelTallyIntervalMs ?? 30_000,
    firstRunAfterMs: 5_000,
    logger,
    run: async () => {
      await channelTally.runOnce();
    },
  });
  const job = new PeriodicJob({
    name: 'poll reminders',
    intervalMs: settings.reminderCheckIntervalMs ?? 60_000,
    firstRunAfterMs: 0,
    logger,
    run: async () => {
      await reminders.runOnce();
    },
  });

  return {
    name: 'polls',
    polls,
    reminders,
    channelTally,
    commands: [new WishesCommand(polls, deps.coordinators, clock)],
    cardActions: [
      new PollShowAction(views),
      new PollEditAction(views),
      new PollAnswerAction(polls, views, clock),
      new PollSummaryAction(polls, reporting, deps.coordinators, views, context.links, clock),
    ],
    registerApi: (router) =>
      registerPollRoutes(router, {
        context,
        polls,
        reporting,
        publisher,
        repository,
        participants: deps.participants,
      }),
    personalData: {
      async export(identity) {
        const answers = [];
        for (const poll of await repository.list()) {
          const answer = (await repository.getAnswer(poll.id, identity))?.value;
          if (!answer) continue;
          answers.push({
            pollId: poll.id,
            question: poll.question,
            topics: answer.topicIds,
            suggestion: answer.suggestion ?? null,
            submittedAt: answer.submittedAt,
          });
        }
        return { pollAnswers: answers };
      },
      async erase(identity) {
        for (const poll of await repository.list()) await polls.eraseAnswer(poll.id, identity);
      },
    },
    start: () => {
      job.start();
      tallyJob.start();
    },
    stop: async () => {
      await Promise.all([job.stop(), tallyJob.stop()]);
    },
  };
}
