import type { Municipality } from '../shared/municipality';
import type { Participant } from '../shared/participant';
import type { Language } from '../shared/i18n/language';
import type { MunicipalityRepository } from '../people';
import type { ParticipantRepository } from '../people';
import { personKey, type StoredSuggestion, type WishPollRepository } from './wish-poll-repository';
import type { Clock } from '../platform/clock';
import { isInAudience, type WishPoll } from './wish-poll';
import type { SuggestionView, WishPollResultsView } from './wish-poll-contracts';
import { answersCsv, suggestionsCsv, topicsCsv } from './wish-poll-csv';
import { buildResults, countAudience, suggestionView, type AudienceCounts } from './wish-poll-results';
import { NO_MUNICIPALITY } from './wish-poll-tally';
import { answererOf, type WishPollService } from './wish-poll-service';

export type CsvTable = 'topics' | 'suggestions' | 'answers';

/** Raised for a CSV of who answered what from an anonymous poll: that export does not exist. */
export class AnonymousPollError extends Error {
  constructor(readonly pollId: string) {
    super(`Poll ${pollId} is anonymous`);
    this.name = 'AnonymousPollError';
  }
}

/**
 * Results for coordinators. Counts come from the tally shards (a fixed number of rows); the
 * audience sizes behind the response rates come from the roster, which changes slowly, so they are
 * kept in memory for a short while instead of scanning the participants on every request.
 */
export class WishPollReporting {
  private readonly audienceCache = new Map<string, { counts: Promise<AudienceCounts>; until: number }>();
  private municipalityCache: { value: Promise<Map<string, Municipality>>; until: number } | undefined;

  constructor(
    private readonly service: WishPollService,
    private readonly polls: WishPollRepository,
    private readonly participants: ParticipantRepository,
    private readonly municipalities: MunicipalityRepository,
    private readonly clock: Clock,
    private readonly options: { readonly cacheTtlMs?: number } = {},
  ) {}

  async results(
    pollId: string,
    language: Language,
    suggestionPageSize = 50,
  ): Promise<WishPollResultsView | undefined> {
    const poll = await this.service.get(pollId);
    if (!poll) return undefined;
    // The municipalities' names are read alongside (or come from memory), not after the rest.
    const [tally, audience, suggestions] = await Promise.all([
      this.service.tally(pollId),
      this.audience(poll),
      this.polls.suggestionsPage(pollId, suggestionPageSize),
      this.municipalityNames(),
    ]);
    const municipalities = await this.municipalityNames([
      ...audience.byMunicipality.keys(),
      ...Object.keys(tally.byMunicipality),
    ]);
    return buildResults({ poll, tally, audience, municipalities, suggestions, language, now: this.clock() });
  }

  async suggestions(
    poll: WishPoll,
    language: Language,
    pageSize: number,
    continuationToken: string | undefined,
  ): Promise<{ items: SuggestionView[]; continuationToken: string | null }> {
    const page = await this.polls.suggestionsPage(poll.id, pageSize, continuationToken);
    const municipalities = await this.municipalityNames(
      page.items.map((s) => s.municipalityId ?? NO_MUNICIPALITY),
    );
    return {
      items: page.items.map((suggestion) => suggestionView(poll, suggestion, municipalities, language)),
      continuationToken: page.continuationToken ?? null,
    };
  }

  /** How many are asked, in total and per group; cached briefly (see the class comment). */
  audience(poll: WishPoll): Promise<AudienceCounts> {
    const now = Date.now();
    const cached = this.audienceCache.get(poll.id);
    if (cached && cached.until > now) return cached.counts;
    const counts = this.participants.listAudienceFacts().then((people) =>
      countAudience(
        poll,
        people.map((person) => ({ ...person, name: '' })),
      ),
    );
    this.audienceCache.set(poll.id, { counts, until: now + this.ttl() });
    counts.catch(() => this.audienceCache.delete(poll.id));
    return counts;
  }

  /** Everyone asked now: active participants in the poll's audience. */
  async audienceMembers(poll: WishPoll): Promise<Participant[]> {
    const people = await this.participants.listAll();
    return people.filter((person) => {
      const answerer = answererOf(person);
      return answerer !== undefined && isInAudience(poll, answerer);
    });
  }

  /** The audience members who have not answered yet, for the reminder. */
  async nonAnswerers(poll: WishPoll): Promise<Participant[]> {
    const [people, answered] = await Promise.all([
      this.participants.listAll(),
      this.polls.answererKeys(poll.id),
    ]);
    return people.filter((person) => {
      const answerer = answererOf(person);
      return answerer !== undefined && isInAudience(poll, answerer) && !answered.has(personKey(person));
    });
  }

  async csv(poll: WishPoll, table: CsvTable, language: Language): Promise<string> {
    switch (table) {
      case 'topics': {
        const results = await this.results(poll.id, language, 1);
        if (!results) throw new Error(`Poll ${poll.id} disappeared`);
        return topicsCsv(results, language);
      }
      case 'suggestions': {
        const suggestions: StoredSuggestion[] = [];
        let token: string | undefined;
        do {
          const page = await this.polls.suggestionsPage(poll.id, 1000, token);
          suggestions.push(...page.items);
          token = page.continuationToken;
        } while (token);
        const municipalities = await this.municipalityNames(
          suggestions.map((s) => s.municipalityId ?? NO_MUNICIPALITY),
        );
        return suggestionsCsv(poll, suggestions, municipalities, language);
      }
      case 'answers': {
        if (poll.anonymous) throw new AnonymousPollError(poll.id);
        const answers = [];
        let token: string | undefined;
        do {
          const page = await this.polls.answersPage(poll.id, 1000, token);
          answers.push(...page.items);
          token = page.continuationToken;
        } while (token);
        const municipalities = await this.municipalityNames(
          answers.map((a) => a.municipalityId ?? NO_MUNICIPALITY),
        );
        return answersCsv(poll, answers, municipalities, language);
      }
    }
  }

  /** The municipalities by id; read again when one is asked for that the cached list lacks. */
  private async municipalityNames(needed: Iterable<string> = []): Promise<Map<string, Municipality>> {
    const now = Date.now();
    if (this.municipalityCache && this.municipalityCache.until > now) {
      const cached = await this.municipalityCache.value;
      if ([...needed].every((id) => id === NO_MUNICIPALITY || cached.has(id))) return cached;
    }
    const value = this.municipalities.list().then((list) => new Map(list.map((m) => [m.id, m])));
    this.municipalityCache = { value, until: now + this.ttl() };
    value.catch(() => {
      this.municipalityCache = undefined;
    });
    return value;
  }

  private ttl(): number {
    return this.options.cacheTtlMs ?? 60_000;
  }
}
