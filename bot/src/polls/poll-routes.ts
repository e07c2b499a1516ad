import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ApiError, type ApiRouter, type ApiUser, pathParams } from '../platform/api/api-router';
import { buildPollSummaryCard } from './poll-card';
import { PARTICIPANT_ROLES } from '../shared/roles';
import { describeProblem, MAX_BODY_CHARACTERS } from './poll-problems';
import { DEFAULT_LANGUAGE, pickText } from '../shared/i18n/language';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { pollMessagesFor } from './poll-messages';
import {
  effectiveCloseTime,
  SUGGESTION_LIMIT,
  MAX_TOPICS,
  TOPIC_ID_PATTERN,
  type WishPoll,
} from './wish-poll';
import type { WishPollAdminListResponse, WishPollListResponse } from './wish-poll-contracts';
import { attachmentDisposition, CSV_CONTENT_TYPE } from './wish-poll-csv';
import { DeliveryUnavailableError, type WishPollPublisher } from './wish-poll-publisher';
import type { WishPollReporting } from './wish-poll-reporting';
import { AnonymousPollError } from './wish-poll-reporting';
import { adminView, pollView } from './wish-poll-results';
import type { WishPollService } from './wish-poll-service';
import { answererOf } from './wish-poll-service';
import type { WishPollRepository } from './wish-poll-repository';
import type { ParticipantRepository } from '../people';
import { helsinkiInstant } from '../platform/api/inputs';
import type { FeatureContext } from '../platform/feature';

/** How long after closing participants still find a poll's results in the tab. */
const RESULTS_SHOWN_MS = 30 * 24 * 3600_000;

const localized = (max: number) =>
  z
    .object({
      fi: z.string().trim().min(1).max(max),
      sv: z.string().trim().min(1).max(max).optional(),
      en: z.string().trim().min(1).max(max).optional(),
    })
    .strict();

const newPoll = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{2,59}$/)
      .optional(),
    question: localized(500),
    topics: z
      .array(z.object({ id: z.string().regex(TOPIC_ID_PATTERN), label: localized(200) }).strict())
      .min(2)
      .max(MAX_TOPICS)
      .refine(
        (topics) => new Set(topics.map((t) => t.id)).size === topics.length,
        'topic ids must be unique',
      ),
    selection: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('single') }).strict(),
      z
        .object({ mode: z.literal('multiple'), maxChoices: z.int().min(1).max(MAX_TOPICS).optional() })
        .strict(),
    ]),
    suggestionMaxLength: z.int().min(1).max(SUGGESTION_LIMIT).nullable().default(null),
    opensAt: helsinkiInstant,
    closesAt: helsinkiInstant,
    audience: z
      .object({
        roles: z.array(z.enum(PARTICIPANT_ROLES)).max(PARTICIPANT_ROLES.length).default([]),
        municipalityIds: z.array(z.string().min(1).max(100)).max(500).default([]),
      })
      .strict()
      .default({ roles: [], municipalityIds: [] }),
    anonymous: z.boolean().default(false),
    resultsVisibleToParticipants: z.boolean().default(false),
    reminderLeadMinutes: z
      .int()
      .min(5)
      .max(14 * 24 * 60)
      .nullable()
      .default(null),
  })
  .strict()
  .refine((poll) => Date.parse(poll.closesAt) > Date.parse(poll.opensAt), {
    message: 'closesAt must be after opensAt',
    path: ['closesAt'],
  });

const answerBody = z
  .object({
    topicIds: z.array(z.string().max(100)).max(MAX_TOPICS * 2),
    // Over the poll's limit is a 422 that names the limit, not a 400 about the schema.
    suggestion: z.string().max(MAX_BODY_CHARACTERS).nullable().optional(),
  })
  .strict();

const postBody = z
  .object({ channel: z.boolean().default(false), personal: z.boolean().default(false) })
  .strict();

const csvQuery = z.object({ table: z.enum(['topics', 'suggestions', 'answers']).default('topics') });

const pageQuery = z.object({
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  continuationToken: z.string().max(2000).optional(),
});

interface RouteDeps {
  readonly context: FeatureContext;
  readonly participants: ParticipantRepository;
  readonly polls: WishPollService;
  readonly reporting: WishPollReporting;
  readonly publisher: WishPollPublisher;
  readonly repository: WishPollRepository;
}

export function registerPollRoutes(router: ApiRouter, deps: RouteDeps): void {
  const { context, polls, reporting, publisher, participants } = deps;
  const { clock } = context;

  const pollOr404 = async (pollId: string | undefined, user: ApiUser | undefined): Promise<WishPoll> => {
    const poll = pollId ? await polls.get(pollId) : undefined;
    if (!poll)
      throw new ApiError(
        404,
        pollMessagesFor(user?.language ?? DEFAULT_LANGUAGE).unknownPoll.replace(/\*/g, ''),
      );
    return poll;
  };

  router.add({
    method: 'get',
    path: '/api/polls',
    access: 'participant',
    summary: 'The topic wish polls open to me, each with my own answer',
    handle: async ({ user: me }) => {
      const participant = (await participants.get(me))?.value;
      const answerer = answererOf(participant);
      const [open, closed] = await Promise.all([
        polls.openFor(answerer),
        polls.closedWithResultsFor(answerer, RESULTS_SHOWN_MS),
      ]);
      const now = clock();
      const body: WishPollListResponse = {
        items: open.map(({ poll, answer }) => pollView(poll, answer, me.language, now)),
        closed: await Promise.all(
          closed.map(async ({ poll, answer }) => {
            const tally = await polls.tally(poll.id);
            return {
              id: poll.id,
              question: pickText(poll.question, me.language),
              closedAtText: formatHelsinkiDateTime(new Date(effectiveCloseTime(poll)), me.language),
              respondents: tally.respondents,
              topics: poll.topics.map((topic) => {
                const count = tally.topics[topic.id] ?? 0;
                return {
                  id: topic.id,
                  label: pickText(topic.label, me.language),
                  count,
                  share: tally.respondents === 0 ? 0 : count / tally.respondents,
                };
              }),
              myTopicIds: answer ? [...answer.topicIds] : [],
            };
          }),
        ),
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'post',
    path: '/api/polls/:pollId/answer',
    params: pathParams('pollId'),
    access: 'participant',
    summary: 'Answer a poll, replacing my earlier answer (until the poll closes)',
    body: answerBody,
    handle: async ({ user: me, params, body }) => {
      const m = pollMessagesFor(me.language);
      const participant = (await participants.get(me))?.value;
      const input = { topicIds: body.topicIds, suggestion: body.suggestion ?? undefined };
      const outcome = await polls.answer(params.pollId, answererOf(participant), input, clock());
      switch (outcome.kind) {
        case 'saved':
        case 'superseded':
          return { status: 200, body: pollView(outcome.poll, outcome.answer, me.language, clock()) };
        case 'unknownPoll':
          throw new ApiError(404, m.unknownPoll.replace(/\*/g, ''));
        case 'notOpenYet':
          throw new ApiError(
            409,
            m.notOpenYet(formatHelsinkiDateTime(new Date(outcome.poll.opensAt), me.language)),
          );
        case 'closed':
          throw new ApiError(409, m.pollClosed);
        case 'outsideAudience':
          throw new ApiError(403, m.notInAudience);
        case 'invalid':
          throw new ApiError(422, describeProblem(outcome.problem, input, me.language));
      }
    },
  });

  router.add({
    method: 'get',
    path: '/api/polls/manage',
    access: 'coordinator',
    summary: 'Coordinators: every wish poll with its settings and status',
    handle: async () => {
      const now = clock();
      const body: WishPollAdminListResponse = {
        items: (await polls.list()).map((poll) => adminView(poll, now)),
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'post',
    path: '/api/polls',
    access: 'coordinator',
    summary: 'Coordinators: create a wish poll (times with an offset, or Helsinki time without one)',
    body: newPoll,
    handle: async ({ user: me, body }) => {
      const now = clock();
      const poll: WishPoll = {
        id: body.id ?? `poll-${randomBytes(6).toString('hex')}`,
        question: body.question,
        topics: body.topics,
        selection:
          body.selection.mode === 'single'
            ? { mode: 'single' }
            : { mode: 'multiple', maxChoices: body.selection.maxChoices },
        suggestionMaxLength: body.suggestionMaxLength ?? undefined,
        opensAt: body.opensAt,
        closesAt: body.closesAt,
        closedAt: undefined,
        audience: body.audience,
        anonymous: body.anonymous,
        resultsVisibleToParticipants: body.resultsVisibleToParticipants,
        reminderLeadMinutes: body.reminderLeadMinutes ?? undefined,
        createdBy: { tenantId: me.tenantId, aadObjectId: me.aadObjectId },
        createdAt: now.toISOString(),
      };
      if (!(await polls.create(poll)))
        throw new ApiError(409, `A poll with the id ${poll.id} exists already.`);
      return {
        status: 201,
        body: adminView(poll, now),
        headers: { Location: `/api/polls/${poll.id}/results` },
      };
    },
  });

  router.add({
    method: 'post',
    path: '/api/polls/:pollId/close',
    params: pathParams('pollId'),
    access: 'coordinator',
    summary: 'Coordinators: close a poll now; answers after this are refused',
    handle: async ({ user, params }) => {
      await pollOr404(params.pollId, user);
      const closed = await polls.close(params.pollId);
      if (!closed) throw new ApiError(404, 'The poll was not found.');
      return { status: 200, body: adminView(closed, clock()) };
    },
  });

  router.add({
    method: 'post',
    path: '/api/polls/:pollId/post',
    params: pathParams('pollId'),
    access: 'coordinator',
    summary: "Coordinators: post the poll to the network's channel and/or send it to each person asked",
    body: postBody,
    handle: async ({ user, params, body }) => {
      const poll = await pollOr404(params.pollId, user);
      if (!body.channel && !body.personal)
        throw new ApiError(400, 'Choose the channel, personal messages or both.');
      if (poll.closedAt !== undefined || Date.parse(poll.closesAt) <= clock().getTime()) {
        throw new ApiError(409, 'The poll has closed; there is nothing to post.');
      }
      try {
        return { status: 202, body: await publisher.post(poll, body) };
      } catch (error) {
        if (error instanceof DeliveryUnavailableError) {
          throw new ApiError(503, 'Proactive messages are not available right now.');
        }
        throw error;
      }
    },
  });

  router.add({
    method: 'get',
    path: '/api/polls/:pollId/post-preview',
    params: pathParams('pollId'),
    access: 'coordinator',
    summary:
      'Coordinators: the cards posting would send (channel, personal in each language) and how many it would reach',
    handle: async ({ user, params }) => {
      const poll = await pollOr404(params.pollId, user);
      try {
        const preview = await publisher.preview(poll);
        const cardOf = (activity: { attachments?: readonly { content?: unknown }[] }) =>
          activity.attachments?.[0]?.content ?? null;
        return {
          status: 200,
          body: {
            reach: { channels: preview.channels, people: preview.people },
            channelCard: cardOf(preview.channel),
            personalCards: {
              fi: cardOf(preview.personal.fi),
              sv: cardOf(preview.personal.sv),
              en: cardOf(preview.personal.en),
            },
          },
        };
      } catch (error) {
        if (error instanceof DeliveryUnavailableError) {
          throw new ApiError(503, 'Proactive messages are not available right now.');
        }
        throw error;
      }
    },
  });

  router.add({
    method: 'get',
    path: '/api/polls/:pollId/results',
    params: pathParams('pollId'),
    access: 'coordinator',
    summary: 'Coordinators: counts per topic, by municipality and role, response rates and suggestions',
    handle: async ({ user: me, params }) => {
      const results = await reporting.results(params.pollId, me.language);
      if (!results) throw new ApiError(404, 'The poll was not found.');
      return { status: 200, body: results };
    },
  });

  router.add({
    method: 'get',
    path: '/api/polls/:pollId/suggestions',
    params: pathParams('pollId'),
    access: 'coordinator',
    summary: "Coordinators: the poll's free-text suggestions, page by page",
    query: pageQuery,
    handle: async ({ user: me, params, query }) => {
      const poll = await pollOr404(params.pollId, me);
      const page = await reporting.suggestions(poll, me.language, query.pageSize, query.continuationToken);
      return { status: 200, body: page };
    },
  });

  router.add({
    method: 'get',
    path: '/api/polls/:pollId/results.csv',
    params: pathParams('pollId'),
    access: 'coordinator',
    summary:
      'Coordinators: results as CSV for Excel (UTF-8 with BOM, semicolons): topics, suggestions or answers',
    query: csvQuery,
    handle: async ({ user: me, params, query }) => {
      const poll = await pollOr404(params.pollId, me);
      try {
        const text = await reporting.csv(poll, query.table, me.language);
        const date = clock().toISOString().slice(0, 10);
        return {
          status: 200,
          text,
          contentType: CSV_CONTENT_TYPE,
          headers: { 'Content-Disposition': attachmentDisposition(`${poll.id}-${query.table}-${date}.csv`) },
        };
      } catch (error) {
        if (error instanceof AnonymousPollError) {
          throw new ApiError(409, 'The poll is anonymous: there is no export of who answered what.');
        }
        throw error;
      }
    },
  });

  router.add({
    method: 'get',
    path: '/api/polls/:pollId/summary-card',
    params: pathParams('pollId'),
    access: 'coordinator',
    summary: 'Coordinators: the short results summary as an Adaptive Card (the same the bot shows)',
    handle: async ({ user: me, params }) => {
      const poll = await pollOr404(params.pollId, me);
      const [tally, audience] = await Promise.all([polls.tally(poll.id), reporting.audience(poll)]);
      const card = buildPollSummaryCard(poll, tally, audience.total, me.language, {
        now: clock(),
        tabUrl: context.links.to('polls', poll.id),
      });
      return { status: 200, body: card };
    },
  });
}
