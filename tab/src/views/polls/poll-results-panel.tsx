import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type {
  GroupResultView,
  PollPostPreviewResponse,
  WishPollAdminView,
  WishPollResultsView,
} from '../../../../bot/src/polls/wish-poll-contracts';
import { ConfirmSendDialog } from '../../components/confirm-send-dialog';
import { DeliveryReport } from '../../components/delivery-report';
import { ErrorMessage, Loading } from '../../components/status';
import { LANGUAGES, LANGUAGE_NAMES, defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { useApi, useApiData, useSession } from '../../session';
import { useTableStyles } from '../coordinator/styles';

const messages = defineMessages({
  fi: {
    respondents: 'Kyselyyn on vastannut {respondents} kohderyhmän {audience} henkilöstä ({percent} %).',
    chartTitle: 'Valinnat aiheittain',
    chartDescription:
      'Pylväsdiagrammi: kunkin aiheen valinnat ja osuus vastaajista. Samat luvut ovat taulukossa alla.',
    topic: 'Aihe',
    count: 'Valintoja',
    share: 'Osuus vastaajista',
    byMunicipality: 'Kunnittain',
    byRole: 'Rooleittain',
    group: 'Ryhmä',
    audience: 'Kohderyhmässä',
    answered: 'Vastanneita',
    rate: 'Vastausprosentti',
    answeredOfAudience: 'Vastanneita / kohderyhmässä',
    noRespondentsIn: 'Ei vielä vastaajia: {names}.',
    hidden: 'piilotettu (alle {threshold} vastaajaa)',
    breakdownView: 'Erittelyjen esitystapa',
    viewCharts: 'Kaavio aiheittain',
    viewTable: 'Taulukko',
    topicOfGroup: '{count}/{respondents} vastaajaa ({percent})',
    hiddenGroups: 'Ei näytetä ryhmiä, joissa on alle {threshold} vastaajaa: {names}.',
    noRespondents: 'Ei vastaajia',
    suggestions: 'Omat ehdotukset ({count})',
    noSuggestions: 'Ei ehdotuksia.',
    csvTopics: 'Lataa aiheet (CSV)',
    csvSuggestions: 'Lataa ehdotukset (CSV)',
    csvAnswers: 'Lataa vastaukset (CSV)',
    downloaded: 'Tiedosto ladattu.',
    close: 'Sulje kysely nyt',
    confirmClose: 'Suljetaanko kysely nyt? Vastauksia ei sen jälkeen oteta vastaan.',
    closed: 'Kysely suljettu.',
    postChannel: 'Julkaise kanavalla…',
    postPersonal: 'Lähetä kohderyhmälle henkilökohtaisesti…',
    confirmChannel: 'Julkaistaanko kysely kanavalla?',
    confirmPersonal: 'Lähetetäänkö kysely kohderyhmälle?',
    channelCard: 'Kanavan kortti',
    personalCard: 'Henkilökohtainen ({language})',
    posted: 'Kysely on lähetetty jonoon. Toimitus näkyy alla.',
    channelReport: 'Kanavalle julkaisu',
    personalReport: 'Henkilökohtaiset viestit',
    anonymousNote: 'Nimetön kysely: pienten ryhmien aihejakauma piilotetaan, eikä vastaajia näytetä.',
  },
  sv: {
    respondents: '{respondents} av {audience} i målgruppen har svarat ({percent} %).',
    chartTitle: 'Val per ämne',
    chartDescription:
      'Stapeldiagram: antal val per ämne och andel av de svarande. Samma siffror finns i tabellen nedan.',
    topic: 'Ämne',
    count: 'Val',
    share: 'Andel av de svarande',
    byMunicipality: 'Per kommun',
    byRole: 'Per roll',
    group: 'Grupp',
    audience: 'I målgruppen',
    answered: 'Svarande',
    rate: 'Svarsprocent',
    hidden: 'dold (färre än {threshold} svarande)',
    breakdownView: 'Visa fördelningarna som',
    viewCharts: 'Diagram per ämne',
    viewTable: 'Tabell',
    topicOfGroup: '{count}/{respondents} svarande ({percent})',
    answeredOfAudience: 'Svarande / i målgruppen',
    noRespondentsIn: 'Inga svarande än: {names}.',
    hiddenGroups: 'Grupper med färre än {threshold} svarande visas inte: {names}.',
    noRespondents: 'Inga svarande',
    suggestions: 'Egna förslag ({count})',
    noSuggestions: 'Inga förslag.',
    csvTopics: 'Ladda ner ämnen (CSV)',
    csvSuggestions: 'Ladda ner förslag (CSV)',
    csvAnswers: 'Ladda ner svar (CSV)',
    downloaded: 'Filen har laddats ner.',
    close: 'Stäng enkäten nu',
    confirmClose: 'Stänga enkäten nu? Därefter tas inga svar emot.',
    closed: 'Enkäten stängd.',
    postChannel: 'Publicera i kanalen…',
    postPersonal: 'Skicka personligen till målgruppen…',
    confirmChannel: 'Ska enkäten publiceras i kanalen?',
    confirmPersonal: 'Ska enkäten skickas till målgruppen?',
    channelCard: 'Kanalens kort',
    personalCard: 'Personligt ({language})',
    posted: 'Enkäten har lagts i kö. Leveransen syns nedan.',
    channelReport: 'Publiceringen i kanalen',
    personalReport: 'De personliga meddelandena',
    anonymousNote: 'Anonym enkät: ämnesfördelningen för små grupper döljs och de svarande visas inte.',
  },
  en: {
    respondents: '{respondents} of {audience} in the audience have answered ({percent} %).',
    chartTitle: 'Choices by topic',
    chartDescription:
      'Bar chart: choices per topic and share of respondents. The same figures are in the table below.',
    topic: 'Topic',
    count: 'Choices',
    share: 'Share of respondents',
    byMunicipality: 'By municipality',
    byRole: 'By role',
    group: 'Group',
    audience: 'In the audience',
    answered: 'Answered',
    rate: 'Response rate',
    hidden: 'hidden (fewer than {threshold} respondents)',
    breakdownView: 'Show the breakdowns as',
    viewCharts: 'Chart per topic',
    viewTable: 'Table',
    topicOfGroup: '{count}/{respondents} respondents ({percent})',
    answeredOfAudience: 'Answered / in the audience',
    noRespondentsIn: 'No respondents yet: {names}.',
    hiddenGroups: 'Groups with fewer than {threshold} respondents are not shown: {names}.',
    noRespondents: 'No respondents',
    suggestions: 'Suggestions ({count})',
    noSuggestions: 'No suggestions.',
    csvTopics: 'Download topics (CSV)',
    csvSuggestions: 'Download suggestions (CSV)',
    csvAnswers: 'Download answers (CSV)',
    downloaded: 'File downloaded.',
    close: 'Close the poll now',
    confirmClose: 'Close the poll now? No answers are taken after that.',
    closed: 'Poll closed.',
    postChannel: 'Post in the channel…',
    postPersonal: 'Send to the audience personally…',
    confirmChannel: 'Post the poll in the channel?',
    confirmPersonal: 'Send the poll to the audience?',
    channelCard: 'The channel card',
    personalCard: 'Personal ({language})',
    posted: 'The poll has been queued. The delivery is shown below.',
    channelReport: 'The post in the channel',
    personalReport: 'The personal messages',
    anonymousNote:
      'Anonymous poll: topic breakdowns of small groups are hidden and respondents are never shown.',
  },
});

const useStyles = makeStyles({
  chart: { width: '100%', maxWidth: '720px', height: 'auto', display: 'block' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  suggestions: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, whiteSpace: 'pre-wrap' },
  reports: { display: 'grid', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalM },
  barLabel: { fill: tokens.colorNeutralForeground1, fontSize: '13px' },
  bar: { fill: tokens.colorBrandBackground },
  barValue: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontWeight: 600 },
  // Topic names are long ("Lainsäädännön kasvavat vaatimukset digitalisaatiolle"): as column
  // headings they wrap, so the table fits the card instead of running 2,500 px wide.
  topicHeading: { whiteSpace: 'normal', minWidth: '4.5em', maxWidth: '10em', verticalAlign: 'bottom' },
  nowrap: { whiteSpace: 'nowrap' },
  // Beats the shared table's one-line column headings: here the headings are topic names.
  breakdownTable: {
    '& thead th': {
      whiteSpace: 'normal',
      hyphens: 'auto',
      overflowWrap: 'anywhere',
      fontSize: tokens.fontSizeBase200,
    },
    '& th, & td': { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  },
  breakdown: { display: 'grid', gap: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalXL },
  topicChart: { margin: 0 },
  topicTitle: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: 600 },
  groupBars: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  groupBar: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, 14em) minmax(80px, 1fr) minmax(9em, auto)',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    '@media (max-width: 560px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  track: {
    height: '12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground4,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    overflow: 'hidden',
  },
  fill: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  viewChoice: { marginBottom: tokens.spacingVerticalM },
});

type BreakdownView = 'charts' | 'table';

/**
 * The breakdowns by municipality and by role, as the coordinator chooses: a chart per topic (each
 * group's share of its respondents who chose it) or the table with one column per topic.
 */
function Breakdown({
  caption,
  groups,
  results,
  view,
}: {
  readonly caption: string;
  readonly groups: readonly GroupResultView[];
  readonly results: WishPollResultsView;
  readonly view: BreakdownView;
}) {
  if (view === 'table') return <GroupTable caption={caption} groups={groups} results={results} />;
  return <TopicCharts caption={caption} groups={groups} results={results} />;
}

function TopicCharts({
  caption,
  groups,
  results,
}: {
  readonly caption: string;
  readonly groups: readonly GroupResultView[];
  readonly results: WishPollResultsView;
}) {
  const styles = useStyles();
  const table = useTableStyles();
  const t = useMessages(messages);
  const headingId = useId();
  // Groups nobody has answered in yet say nothing per topic: named once, not charted eight times.
  const silent = groups.filter((group) => group.respondents === 0);
  const shown = groups.filter((group) => group.topics !== null && group.respondents > 0);
  const hidden = groups.filter((group) => group.topics === null && group.respondents > 0);
  return (
    <section className={styles.breakdown} aria-labelledby={headingId}>
      <h3 id={headingId} className={table.sectionHeading}>
        {caption}
      </h3>
      {shown.length > 0 &&
        results.topics.map((topic) => (
          <figure key={topic.id} className={styles.topicChart} aria-labelledby={`${headingId}-${topic.id}`}>
            <figcaption id={`${headingId}-${topic.id}`} className={styles.topicTitle}>
              {topic.label}
            </figcaption>
            <ul className={styles.groupBars}>
              {shown.map((group) => {
                const count = group.topics?.[topic.id] ?? 0;
                const share = group.respondents === 0 ? null : count / group.respondents;
                return (
                  <li key={group.id} className={styles.groupBar}>
                    <span>{group.name}</span>
                    <span className={styles.track} aria-hidden="true">
                      <span
                        className={styles.fill}
                        style={{ display: 'block', width: `${Math.round((share ?? 0) * 100)}%` }}
                      />
                    </span>
                    <span>
                      {group.respondents === 0
                        ? t.noRespondents
                        : format(t.topicOfGroup, {
                            count,
                            respondents: group.respondents,
                            percent: percent(share),
                          })}
                    </span>
                  </li>
                );
              })}
            </ul>
          </figure>
        ))}
      {silent.length > 0 && (
        <p>{format(t.noRespondentsIn, { names: silent.map((group) => group.name).join(', ') })}</p>
      )}
      {hidden.length > 0 && (
        <p>
          {format(t.hiddenGroups, {
            threshold: results.smallGroupThreshold ?? 0,
            names: hidden.map((group) => group.name).join(', '),
          })}
        </p>
      )}
    </section>
  );
}

const percent = (value: number | null): string => (value === null ? '–' : `${Math.round(value * 100)} %`);

/** Choices per topic as plain SVG bars; the chart is one image with a title and description, the table beside it says the same in text. */
function TopicBars({ results }: { readonly results: WishPollResultsView }) {
  const styles = useStyles();
  const t = useMessages(messages);
  const titleId = useId();
  const descriptionId = useId();
  const rowHeight = 34;
  const labelWidth = 300;
  const barSpace = 340;
  const most = Math.max(1, ...results.topics.map((topic) => topic.count));
  const height = results.topics.length * rowHeight + 8;
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${labelWidth + barSpace + 90} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descriptionId}`}
    >
      <title id={titleId}>{t.chartTitle}</title>
      <desc id={descriptionId}>{t.chartDescription}</desc>
      {results.topics.map((topic, index) => {
        const y = index * rowHeight + 4;
        const width = (topic.count / most) * barSpace;
        const label = topic.label.length > 42 ? `${topic.label.slice(0, 41)}…` : topic.label;
        return (
          <g key={topic.id}>
            <text className={styles.barLabel} x={0} y={y + 20}>
              {label}
            </text>
            <rect
              className={styles.bar}
              x={labelWidth}
              y={y + 4}
              width={Math.max(width, 1)}
              height={22}
              rx={3}
            />
            <text className={styles.barValue} x={labelWidth + width + 8} y={y + 20}>
              {`${topic.count} (${percent(topic.share)})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function GroupTable({
  caption,
  groups,
  results,
}: {
  readonly caption: string;
  readonly groups: readonly GroupResultView[];
  readonly results: WishPollResultsView;
}) {
  const table = useTableStyles();
  const styles = useStyles();
  const t = useMessages(messages);
  return (
    <div className={table.scroll}>
      <table className={mergeClasses(table.table, styles.breakdownTable)}>
        <caption className={table.sectionHeading}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.group}</th>
            <th scope="col" className={mergeClasses(table.number, styles.topicHeading)}>
              {t.answeredOfAudience}
            </th>
            {results.topics.map((topic) => (
              <th key={topic.id} scope="col" className={mergeClasses(table.number, styles.topicHeading)}>
                {topic.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id}>
              <th scope="row">{group.name}</th>
              <td className={mergeClasses(table.number, styles.nowrap)}>
                {group.responseRate === null
                  ? '–'
                  : `${group.respondents}/${group.audience} (${percent(group.responseRate)})`}
              </td>
              {group.topics === null ? (
                <td colSpan={results.topics.length}>
                  {format(t.hidden, { threshold: results.smallGroupThreshold ?? 0 })}
                </td>
              ) : (
                results.topics.map((topic) => (
                  <td key={topic.id} className={table.number}>
                    {group.topics?.[topic.id] ?? 0}
                  </td>
                ))
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A poll's results for coordinators: the chart, breakdowns, suggestions, CSV downloads, close and post. */
export function PollResultsPanel({
  poll,
  onChanged,
}: {
  readonly poll: WishPollAdminView;
  readonly onChanged: () => void;
}) {
  const styles = useStyles();
  const table = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const [breakdownView, setBreakdownView] = useState<BreakdownView>('charts');
  const [notice, setNotice] = useState<string>();
  const results = useApiData(
    () =>
      api.get<WishPollResultsView>(`/api/polls/${encodeURIComponent(poll.id)}/results`, { lang: language }),
    [api, poll.id, language, poll.status],
  );

  const say = (text: string): void => {
    setNotice(text);
    announce(text);
  };
  const download = (table: 'topics' | 'suggestions' | 'answers'): void => {
    api
      .blob(`/api/polls/${encodeURIComponent(poll.id)}/results.csv`, { table, lang: language })
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = `${poll.id}-${table}.csv`;
        link.click();
        URL.revokeObjectURL(url);
        say(t.downloaded);
      })
      .catch((error: unknown) => say(error instanceof Error ? error.message : String(error)));
  };
  const close = (): void => {
    if (!window.confirm(t.confirmClose)) return;
    api
      .post(`/api/polls/${encodeURIComponent(poll.id)}/close`, {})
      .then(() => {
        say(t.closed);
        onChanged();
      })
      .catch((error: unknown) => say(error instanceof Error ? error.message : String(error)));
  };
  const [confirm, setConfirm] = useState<{
    target: 'channel' | 'personal';
    preview: PollPostPreviewResponse;
  }>();
  const [reports, setReports] = useState(0);
  const askToPost = (target: 'channel' | 'personal'): void => {
    api
      .get<PollPostPreviewResponse>(`/api/polls/${encodeURIComponent(poll.id)}/post-preview`)
      .then((preview) => setConfirm({ target, preview }))
      .catch((error: unknown) => say(error instanceof Error ? error.message : String(error)));
  };
  const post = async (target: 'channel' | 'personal'): Promise<void> => {
    try {
      await api.post(`/api/polls/${encodeURIComponent(poll.id)}/post`, {
        channel: target === 'channel',
        personal: target === 'personal',
      });
      setConfirm(undefined);
      setReports((value) => value + 1);
      say(t.posted);
    } catch (error) {
      setConfirm(undefined);
      say(error instanceof Error ? error.message : String(error));
    }
  };

  const data = results.data;
  return (
    <div>
      {results.status === 'error' && <ErrorMessage error={results.error} onRetry={results.reload} />}
      {results.status === 'loading' && !data && <Loading />}
      {data && (
        <>
          <p>
            {format(t.respondents, {
              respondents: data.respondents,
              audience: data.audience,
              percent: data.responseRate === null ? 0 : Math.round(data.responseRate * 100),
            })}
          </p>
          {data.anonymous && <p className={table.intro}>{t.anonymousNote}</p>}
          <TopicBars results={data} />
          <div className={table.scroll}>
            <table className={table.table}>
              <caption className={table.sectionHeading}>{t.chartTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.topic}</th>
                  <th scope="col" className={table.number}>
                    {t.count}
                  </th>
                  <th scope="col" className={table.number}>
                    {t.share}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.topics.map((topic) => (
                  <tr key={topic.id}>
                    <th scope="row">{topic.label}</th>
                    <td className={table.number}>{topic.count}</td>
                    <td className={table.number}>{percent(topic.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Field label={t.breakdownView} className={styles.viewChoice}>
            <RadioGroup
              layout="horizontal"
              value={breakdownView}
              onChange={(_, choice) => setBreakdownView(choice.value === 'table' ? 'table' : 'charts')}
            >
              <Radio value="charts" label={t.viewCharts} />
              <Radio value="table" label={t.viewTable} />
            </RadioGroup>
          </Field>
          <Breakdown
            caption={t.byMunicipality}
            groups={data.byMunicipality}
            results={data}
            view={breakdownView}
          />
          <Breakdown caption={t.byRole} groups={data.byRole} results={data} view={breakdownView} />
          <h3 className={table.sectionHeading}>{format(t.suggestions, { count: data.suggestions.count })}</h3>
          {data.suggestions.items.length === 0 ? (
            <p>{t.noSuggestions}</p>
          ) : (
            <ul className={styles.suggestions}>
              {data.suggestions.items.map((suggestion, index) => (
                // Plain text nodes: whatever a participant typed is shown as text, never as markup.
                <li key={index}>
                  {suggestion.text}
                  {suggestion.name ? ` — ${suggestion.name}` : ''}
                  {suggestion.municipalityName ? `, ${suggestion.municipalityName}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className={styles.actions}>
        <Button onClick={() => download('topics')}>{t.csvTopics}</Button>
        <Button onClick={() => download('suggestions')}>{t.csvSuggestions}</Button>
        {!poll.anonymous && <Button onClick={() => download('answers')}>{t.csvAnswers}</Button>}
        {poll.status === 'open' && <Button onClick={() => askToPost('channel')}>{t.postChannel}</Button>}
        {poll.status === 'open' && <Button onClick={() => askToPost('personal')}>{t.postPersonal}</Button>}
        {poll.status !== 'closed' && (
          <Button appearance="primary" onClick={close}>
            {t.close}
          </Button>
        )}
      </div>
      {notice && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {confirm && (
        <ConfirmSendDialog
          open
          title={confirm.target === 'channel' ? t.confirmChannel : t.confirmPersonal}
          reach={
            confirm.target === 'channel'
              ? { channels: confirm.preview.reach.channels, people: 0 }
              : { channels: 0, people: confirm.preview.reach.people }
          }
          channelWanted={confirm.target === 'channel'}
          previews={
            confirm.target === 'channel'
              ? [{ label: t.channelCard, card: confirm.preview.channelCard }]
              : LANGUAGES.map((option) => ({
                  label: format(t.personalCard, { language: LANGUAGE_NAMES[option] }),
                  card: confirm.preview.personalCards[option],
                }))
          }
          onSend={() => post(confirm.target)}
          onClose={() => setConfirm(undefined)}
        />
      )}
      <div className={styles.reports} key={reports}>
        <DeliveryReport deliveryId={`poll:${poll.id}:channel`} title={t.channelReport} hideWhenNone />
        <DeliveryReport deliveryId={`poll:${poll.id}:personal`} title={t.personalReport} hideWhenNone />
      </div>
    </div>
  );
}
