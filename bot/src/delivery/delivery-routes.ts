import { z } from 'zod';
import { ApiError, pathParams, type ApiRouter } from '../platform/api/api-router';
import type { Clock } from '../platform/clock';
import type { Delivery, DeliveryRecipient, DeliveryReport } from '../platform/delivery';
import { LANGUAGES, type Language } from '../shared/i18n/language';
import type { TeamsIdentity } from '../shared/participant';
import type {
  DeliveryRecipientState,
  DeliveryRecipientView,
  DeliveryReportView,
  DeliveryRetryResponse,
} from './delivery-contracts';
import { CHANNEL_NAME, isRetriable, reasonOf, reasonText } from './delivery-reasons';

/** Who the people of a report are: their names and municipalities, in the asked language. */
export interface RecipientDirectory {
  describe(
    identities: readonly TeamsIdentity[],
    language: Language,
  ): Promise<ReadonlyMap<string, { readonly name: string; readonly municipalityName: string | null }>>;
}

export function recipientKey(identity: TeamsIdentity): string {
  return `${identity.tenantId}|${identity.aadObjectId}`;
}

const languageQuery = z.object({ lang: z.enum(LANGUAGES).optional() });

const RETRY_EXPIRED: Readonly<Record<Language, string>> = {
  fi: 'Viestin aika on ohi (tapahtuma on alkanut tai kysely sulkeutunut), joten sitä ei lähetetä uudelleen.',
  sv: 'Meddelandets tid är förbi (evenemanget har börjat eller enkäten stängts), så det skickas inte igen.',
  en: 'The time for this message is over (the event has started or the poll has closed), so it is not sent again.',
};
const UNKNOWN_PERSON: Readonly<Record<Language, string>> = {
  fi: 'Henkilö, joka ei enää ole verkostossa',
  sv: 'En person som inte längre är med i nätverket',
  en: 'Someone no longer in the network',
};
const UNKNOWN_DELIVERY: Readonly<Record<Language, string>> = {
  fi: 'Lähetystä ei löytynyt.',
  sv: 'Sändningen hittades inte.',
  en: 'The delivery was not found.',
};

/**
 * Coordinators' delivery report, the same for every feature's sends: counts, who has not got the
 * message and why, and "send again to those who failed".
 */
export function registerDeliveryRoutes(
  router: ApiRouter,
  deps: { readonly delivery: Delivery; readonly recipients: RecipientDirectory; readonly clock: Clock },
): void {
  const { delivery, recipients, clock } = deps;

  const view = async (report: DeliveryReport, language: Language): Promise<DeliveryReportView> => {
    const people = report.unsent.flatMap((recipient) =>
      recipient.target.kind === 'person' ? [recipient.target.identity] : [],
    );
    const names = await recipients.describe(people, language);
    const expired = report.notAfter !== undefined && Date.parse(report.notAfter) <= clock().getTime();
    const problems = report.unsent
      .map((recipient) => recipientView(recipient, names, language, expired))
      .sort(
        (a, b) =>
          STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
          a.kind.localeCompare(b.kind) ||
          a.name.localeCompare(b.name, language),
      );
    const counts = {
      sent: report.counts.sent,
      pending: report.counts.pending + report.counts.sending,
      unreachable: report.counts.unreachable,
      failed: report.counts.failed,
    };
    return {
      deliveryId: report.deliveryId,
      purpose: report.purpose,
      createdAt: report.createdAt,
      completedAt: report.completedAt ?? null,
      notAfter: report.notAfter ?? null,
      expired,
      total: report.total,
      counts,
      sending: counts.pending > 0 && !expired,
      problems,
      problemsListed: problems.length,
      problemsTotal: report.unsentTotal,
      retriable: problems.filter((problem) => problem.retriable && problem.state !== 'pending').length,
    };
  };

  router.add({
    method: 'get',
    path: '/api/deliveries/:deliveryId',
    params: pathParams('deliveryId'),
    access: 'coordinator',
    summary: 'Coordinators: a delivery report (counts, who was not reached and why), for any send',
    query: languageQuery,
    handle: async ({ user, params, query }) => {
      const language = query.lang ?? user.language;
      const report = await delivery.report(params.deliveryId);
      if (!report) throw new ApiError(404, UNKNOWN_DELIVERY[language]);
      return { status: 200, body: await view(report, language) };
    },
  });

  router.add({
    method: 'post',
    path: '/api/deliveries/:deliveryId/retry',
    params: pathParams('deliveryId'),
    access: 'coordinator',
    summary: 'Coordinators: send again to those who failed or could not be reached (sent ones stay sent)',
    query: languageQuery,
    body: z.object({}).strict(),
    handle: async ({ user, params, query }) => {
      const language = query.lang ?? user.language;
      const outcome = await delivery.retryFailed(params.deliveryId);
      if (outcome.expired) throw new ApiError(409, RETRY_EXPIRED[language]);
      const report = await delivery.report(params.deliveryId);
      if (!report) throw new ApiError(404, UNKNOWN_DELIVERY[language]);
      const body: DeliveryRetryResponse = {
        requeued: outcome.requeued,
        report: await view(report, language),
      };
      return { status: 200, body };
    },
  });
}

const STATE_ORDER: Readonly<Record<DeliveryRecipientState, number>> = {
  failed: 0,
  unreachable: 1,
  pending: 2,
  sent: 3,
};

function recipientView(
  recipient: DeliveryRecipient,
  names: ReadonlyMap<string, { readonly name: string; readonly municipalityName: string | null }>,
  language: Language,
  expired: boolean,
): DeliveryRecipientView {
  const reason = reasonOf(recipient.state, recipient.lastError) ?? null;
  const state: DeliveryRecipientState = recipient.state === 'sending' ? 'pending' : recipient.state;
  const person =
    recipient.target.kind === 'person' ? names.get(recipientKey(recipient.target.identity)) : undefined;
  return {
    kind: recipient.target.kind,
    name:
      recipient.target.kind === 'channel'
        ? CHANNEL_NAME[language]
        : (person?.name ?? UNKNOWN_PERSON[language]),
    municipalityName: person?.municipalityName ?? null,
    state,
    reason,
    reasonText: reason ? reasonText(reason, language) : null,
    attempts: recipient.attempts,
    retriable: !expired && isRetriable(reason ?? undefined),
  };
}
