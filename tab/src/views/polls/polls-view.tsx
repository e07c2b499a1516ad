import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type {
  WishPollAdminListResponse,
  WishPollListResponse,
  WishPollView,
} from '../../../../bot/src/polls/wish-poll-contracts';
import { ErrorMessage, Loading } from '../../components/status';
import { helsinkiText } from '../../helsinki-time';
import { defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { useApi, useApiData, useMe, useSession } from '../../session';
import { useTableStyles } from '../coordinator/styles';
import { CreatePollForm } from './create-poll-form';
import { ClosedPollResults } from './closed-poll-results';
import { PollAnswerForm } from './poll-answer-form';
import { PollResultsPanel } from './poll-results-panel';
import type { TabViewProps } from '../registry';

const messages = defineMessages({
  fi: {
    heading: 'Aihetoiveet',
    intro:
      'Kerro, mistä aiheista haluat verkoston puhuvan. Voit muuttaa vastaustasi kyselyn sulkeutumiseen asti.',
    none: 'Sinulle ei ole nyt avoimia aihetoivekyselyitä.',
    count: 'Avoimia kyselyitä: {count}',
    manage: 'Kyselyt ja tulokset',
    question: 'Kysymys',
    status: 'Tila',
    closes: 'Sulkeutuu',
    scheduled: 'Tulossa',
    open: 'Auki',
    closed: 'Suljettu',
    show: 'Näytä tulokset',
    hide: 'Piilota tulokset',
    create: 'Uusi kysely',
    cancel: 'Peruuta',
  },
  sv: {
    heading: 'Ämnesönskemål',
    intro: 'Berätta vilka ämnen du vill att nätverket tar upp. Du kan ändra ditt svar tills enkäten stänger.',
    none: 'Det finns inga öppna enkäter för dig just nu.',
    count: 'Öppna enkäter: {count}',
    manage: 'Enkäter och resultat',
    question: 'Fråga',
    status: 'Status',
    closes: 'Stänger',
    scheduled: 'Kommande',
    open: 'Öppen',
    closed: 'Stängd',
    show: 'Visa resultat',
    hide: 'Dölj resultat',
    create: 'Ny enkät',
    cancel: 'Avbryt',
  },
  en: {
    heading: 'Topic wishes',
    intro:
      'Say which topics you want the network to cover. You can change your answer until the poll closes.',
    none: 'There are no open topic wish polls for you right now.',
    count: 'Open polls: {count}',
    manage: 'Polls and results',
    question: 'Question',
    status: 'Status',
    closes: 'Closes',
    scheduled: 'Scheduled',
    open: 'Open',
    closed: 'Closed',
    show: 'Show results',
    hide: 'Hide results',
    create: 'New poll',
    cancel: 'Cancel',
  },
});

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase600, fontWeight: 600 },
  intro: { margin: `0 0 ${tokens.spacingVerticalL}`, color: tokens.colorNeutralForeground2 },
});

/** Participants answer the open polls; coordinators also manage polls and read results (`#/polls/<id>` opens one). */
export default function PollsView({ path }: TabViewProps) {
  const styles = useStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const me = useMe();
  const { announce } = useSession();
  const polls = useApiData(
    () => api.get<WishPollListResponse>('/api/polls', { lang: language }),
    [api, language],
  );
  const [saved, setSaved] = useState<Record<string, WishPollView>>({});

  useEffect(() => {
    if (polls.status === 'ready') announce(format(t.count, { count: polls.data.items.length }));
  }, [polls.status, polls.data, announce, t]);

  return (
    <section aria-labelledby="polls-heading">
      <h1 id="polls-heading" className={styles.heading}>
        {t.heading}
      </h1>
      <p className={styles.intro}>{t.intro}</p>
      {polls.status === 'error' && <ErrorMessage error={polls.error} onRetry={polls.reload} />}
      {polls.status === 'loading' && !polls.data && <Loading />}
      {polls.data?.items.length === 0 && <p>{t.none}</p>}
      {polls.data?.items.map((poll) => (
        <PollAnswerForm
          key={poll.id}
          poll={saved[poll.id] ?? poll}
          onSaved={(view) => setSaved((previous) => ({ ...previous, [view.id]: view }))}
        />
      ))}
      {polls.data && <ClosedPollResults polls={polls.data.closed} />}
      {me.isCoordinator && <ManagePolls initial={path[0]} />}
    </section>
  );
}

function ManagePolls({ initial }: { readonly initial: string | undefined }) {
  const table = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const polls = useApiData(() => api.get<WishPollAdminListResponse>('/api/polls/manage'), [api]);
  const [selected, setSelected] = useState<string | undefined>(initial);
  const [creating, setCreating] = useState(false);
  const status = { scheduled: t.scheduled, open: t.open, closed: t.closed };

  return (
    <section className={table.section} aria-labelledby="manage-polls-heading">
      <h2 id="manage-polls-heading" className={table.sectionHeading}>
        {t.manage}
      </h2>
      <Button onClick={() => setCreating((value) => !value)} aria-expanded={creating}>
        {creating ? t.cancel : t.create}
      </Button>
      {creating && (
        <CreatePollForm
          onCreated={(poll) => {
            setCreating(false);
            setSelected(poll.id);
            polls.reload();
          }}
        />
      )}
      {polls.status === 'error' && <ErrorMessage error={polls.error} onRetry={polls.reload} />}
      {polls.status === 'loading' && !polls.data && <Loading />}
      {polls.data && (
        <div className={table.scroll}>
          <table className={table.table}>
            <thead>
              <tr>
                <th scope="col">{t.question}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.closes}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.show}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {polls.data.items.map((poll) => (
                <tr key={poll.id}>
                  <th scope="row">{poll.question[language] ?? poll.question.fi}</th>
                  <td>{status[poll.status]}</td>
                  <td>{helsinkiText(poll.closedAt ?? poll.closesAt, language)}</td>
                  <td>
                    <Button
                      aria-expanded={selected === poll.id}
                      onClick={() => setSelected(selected === poll.id ? undefined : poll.id)}
                    >
                      {selected === poll.id ? t.hide : t.show}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {polls.data?.items
        .filter((poll) => poll.id === selected)
        .map((poll) => (
          <PollResultsPanel key={poll.id} poll={poll} onChanged={polls.reload} />
        ))}
    </section>
  );
}
