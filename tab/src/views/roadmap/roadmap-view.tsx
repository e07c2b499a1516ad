import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import type {
  HistoryPage,
  MyRoadmapResponse,
  NetworkRoadmapView,
  PerspectiveLevelView,
  RoadmapView,
  TargetSpreadView,
} from '../../../../bot/src/roadmap/roadmap-contracts';
import { ApiProblem } from '../../api';
import { ErrorMessage, Loading } from '../../components/status';
import { format, useLanguage, useMessages } from '../../i18n';
import { useApi, useApiData, useMe, useSession } from '../../session';
import { useTableStyles } from '../coordinator/styles';
import type { TabViewProps } from '../registry';
import { RoadmapActions } from './roadmap-actions';
import { LevelsChart, SpreadChart, decimal } from './roadmap-charts';
import { GoalForm, HeaderForm } from './roadmap-header-form';
import { messages } from './roadmap-messages';

const useStyles = makeStyles({
  phases: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyle: 'none',
    padding: 0,
    margin: `0 0 ${tokens.spacingVerticalL}`,
  },
  phase: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
  },
  phaseDone: { backgroundColor: tokens.colorNeutralBackground3 },
  phaseCurrent: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: 600,
    border: `1px solid ${tokens.colorBrandBackground}`,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: `0 0 ${tokens.spacingVerticalL}`,
  },
  dt: { fontWeight: 600 },
  dd: { margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  agree: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  logo: { maxHeight: '56px', maxWidth: '220px', display: 'block', marginBottom: tokens.spacingVerticalM },
  vision: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalM}` },
});

/** `#/roadmap`: coordinators get the network view, participants their own municipality's roadmap. `#/roadmap/<id>`: one roadmap. */
export default function RoadmapTabView({ path }: TabViewProps) {
  const me = useMe();
  const roadmapId = path[0];
  if (roadmapId) return <RoadmapDetail roadmapId={decodeURIComponent(roadmapId)} />;
  return me.isCoordinator ? <NetworkView /> : <MyRoadmap />;
}

function MyRoadmap() {
  const api = useApi();
  const t = useMessages(messages);
  const table = useTableStyles();
  const { language } = useLanguage();
  const mine = useApiData(
    () => api.get<MyRoadmapResponse>('/api/roadmaps/mine', { lang: language }),
    [language],
  );
  if (mine.status === 'error') return <ErrorMessage error={mine.error} onRetry={mine.reload} />;
  if (!mine.data) return <Loading />;
  if (mine.data.roadmapId) return <RoadmapDetail roadmapId={mine.data.roadmapId} />;
  return (
    <>
      <section className={table.section} aria-labelledby="roadmap-heading">
        <h1 id="roadmap-heading" className={table.heading}>
          {t.heading}
        </h1>
        <p className={table.intro}>{t.mineNone}</p>
      </section>
      <NetworkView nested />
    </>
  );
}

function NetworkView({ nested = false }: { readonly nested?: boolean }) {
  const api = useApi();
  const t = useMessages(messages);
  const table = useTableStyles();
  const { language } = useLanguage();
  const network = useApiData(
    () => api.get<NetworkRoadmapView>('/api/roadmaps/network', { lang: language }),
    [language],
  );
  const Heading = nested ? 'h2' : 'h1';
  const data = network.data;
  // A perspective's figures are withheld until enough municipalities have agreed targets for it.
  const shownTargets = (data?.targets ?? []).filter((target) => target.medianTarget !== null);
  return (
    <section className={table.section} aria-labelledby="roadmap-network-heading">
      <Heading id="roadmap-network-heading" className={table.heading}>
        {t.network}
      </Heading>
      <p className={table.intro}>
        {t.networkIntro} {data?.anonymous ? t.networkAnonymous : ''}
      </p>
      {network.status === 'error' && <ErrorMessage error={network.error} onRetry={network.reload} />}
      {!data && network.status === 'loading' && <Loading />}
      {data && (
        <>
          <p>
            {format(t.totals, {
              actions: data.totals.actions,
              onTrack: data.totals.onTrack,
              late: data.totals.late,
              done: data.totals.done,
            })}{' '}
            {data.withoutRoadmap > 0 ? format(t.withoutRoadmap, { count: data.withoutRoadmap }) : ''}
          </p>
          <div className={table.scroll} tabIndex={0} role="region" aria-label={t.network}>
            <table className={table.table}>
              <caption className={table.intro}>{t.network}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.municipality}</th>
                  <th scope="col">{t.phase}</th>
                  <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                    {t.actions}
                  </th>
                  <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                    {t.onTrack}
                  </th>
                  <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                    {t.late}
                  </th>
                  <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                    {t.done}
                  </th>
                  <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                    {t.targetsSet}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row, index) => (
                  <tr key={row.municipalityId ?? `anonymous-${index}`}>
                    <th scope="row">
                      {row.roadmapId ? (
                        <a
                          href={`#/roadmap/${encodeURIComponent(row.roadmapId)}`}
                          aria-label={format(t.open, { name: row.name })}
                        >
                          {row.name}
                        </a>
                      ) : (
                        row.name
                      )}
                    </th>
                    <td>{row.phaseName ?? t.noRoadmap}</td>
                    <td className={table.number}>{row.actions}</td>
                    <td className={table.number}>{row.onTrack}</td>
                    <td className={table.number}>{row.late}</td>
                    <td className={table.number}>{row.done}</td>
                    <td className={table.number}>
                      {row.perspectives > 0 ? `${row.targetsSet}/${row.perspectives}` : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 className={table.sectionHeading}>{t.networkTargets}</h2>
          {shownTargets.length === 0 ? (
            <p>{format(t.networkTargetsNone, { count: data.minMunicipalities })}</p>
          ) : (
            <div className={table.scroll} tabIndex={0} role="region" aria-label={t.networkTargets}>
              <table className={table.table}>
                <caption className={table.intro}>{t.networkTargets}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.perspective}</th>
                    <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                      {t.municipality}
                    </th>
                    <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                      {t.medianTarget}
                    </th>
                    <th scope="col">{t.middleHalf}</th>
                    <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                      {t.medianChange}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shownTargets.map((target) => (
                    <tr key={target.perspectiveId}>
                      <th scope="row">{target.label}</th>
                      <td className={table.number}>{target.municipalities}</td>
                      <td className={table.number}>{decimal(target.medianTarget, language)}</td>
                      <td>
                        {decimal(target.q1, language)}–{decimal(target.q3, language)}
                      </td>
                      <td className={table.number}>{decimal(target.medianChange, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function RoadmapDetail({ roadmapId }: { readonly roadmapId: string }) {
  const api = useApi();
  const me = useMe();
  const { announce } = useSession();
  const t = useMessages(messages);
  const table = useTableStyles();
  const styles = useStyles();
  const { language } = useLanguage();
  const loaded = useApiData(
    () => api.get<RoadmapView>(`/api/roadmaps/${encodeURIComponent(roadmapId)}`, { lang: language }),
    [roadmapId, language],
  );
  const [roadmap, setRoadmap] = useState<RoadmapView | undefined>();
  const [historyGeneration, setHistoryGeneration] = useState(0);
  const [editingHeader, setEditingHeader] = useState(false);
  const [addingGoal, setAddingGoal] = useState(false);
  useEffect(() => {
    if (loaded.data) setRoadmap(loaded.data);
  }, [loaded.data]);
  const changed = (next: RoadmapView): void => {
    setRoadmap(next);
    setHistoryGeneration((value) => value + 1);
  };

  if (loaded.status === 'error' && !roadmap)
    return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!roadmap) return <Loading />;

  const download = (format_: 'pdf' | 'docx'): void => {
    const name = `${roadmap.municipality.name}-digitiekartta.${format_}`;
    api
      .blob(roadmap.downloads[format_], { lang: language })
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = name;
        link.click();
        URL.revokeObjectURL(url);
        announce(format(t.downloaded, { name }));
      })
      .catch((error: unknown) => announce(error instanceof Error ? error.message : String(error)));
  };

  return (
    <>
      <section className={table.section} aria-labelledby="roadmap-heading">
        {me.isCoordinator && (
          <p>
            <a href="#/roadmap">{t.back}</a>
          </p>
        )}
        <h1 id="roadmap-heading" className={table.heading}>
          {t.heading}: {roadmap.municipality.name}
        </h1>
        <p className={table.intro}>{t.intro}</p>
        {!roadmap.canEdit && <p>{t.readOnly}</p>}
        <ol className={styles.phases} aria-label={t.phases}>
          {roadmap.phases.map((phase) => (
            <li
              key={phase.id}
              className={`${styles.phase} ${phase.state === 'done' ? styles.phaseDone : ''} ${
                phase.state === 'current' ? styles.phaseCurrent : ''
              }`}
              aria-current={phase.state === 'current' ? 'step' : undefined}
            >
              {phase.name}
            </li>
          ))}
        </ol>
        <h2 className={table.sectionHeading}>{t.vision}</h2>
        <p className={styles.vision}>{roadmap.vision || t.noVision}</p>
        <dl className={styles.facts}>
          <dt className={styles.dt}>{t.owner}</dt>
          <dd className={styles.dd}>{roadmap.owner?.name ?? '–'}</dd>
          <dt className={styles.dt}>{t.cadence}</dt>
          <dd className={styles.dd}>
            {roadmap.cadenceText}
            {roadmap.followUp.nextCheckInText
              ? ` · ${format(t.nextCheckIn, { time: roadmap.followUp.nextCheckInText })}`
              : ''}
          </dd>
        </dl>
        {roadmap.canEdit &&
          (editingHeader ? (
            <HeaderForm roadmap={roadmap} onChanged={changed} onClose={() => setEditingHeader(false)} />
          ) : (
            <Button onClick={() => setEditingHeader(true)}>{t.editHeader}</Button>
          ))}
        <h2 className={table.sectionHeading}>{t.downloads}</h2>
        <div className={styles.buttons}>
          <Button onClick={() => download('pdf')}>{t.pdf}</Button>
          <Button onClick={() => download('docx')}>{t.docx}</Button>
        </div>
      </section>

      <section className={table.section} aria-labelledby="roadmap-levels">
        <h2 id="roadmap-levels" className={table.sectionHeading}>
          {t.levels}
        </h2>
        <p className={table.intro}>{t.levelsIntro}</p>
        <LevelsChart perspectives={roadmap.perspectives} />
        {roadmap.canEdit && <AgreeTarget roadmap={roadmap} onChanged={changed} />}
      </section>

      {(roadmap.targetSetting.state !== 'notStarted' || roadmap.canFacilitate) && (
        <TargetSetting roadmap={roadmap} onChanged={changed} />
      )}

      <section className={table.section} aria-labelledby="roadmap-goals">
        <h2 id="roadmap-goals" className={table.sectionHeading}>
          {t.goals}
        </h2>
        <RoadmapActions roadmap={roadmap} onChanged={changed} />
        {roadmap.canEdit &&
          (addingGoal ? (
            <GoalForm roadmap={roadmap} onChanged={changed} onClose={() => setAddingGoal(false)} />
          ) : (
            <Button appearance="primary" onClick={() => setAddingGoal(true)}>
              {t.addGoal}
            </Button>
          ))}
      </section>

      <History roadmapId={roadmap.id} generation={historyGeneration} />
    </>
  );
}

function AgreeTarget({
  roadmap,
  onChanged,
}: {
  readonly roadmap: RoadmapView;
  readonly onChanged: (next: RoadmapView) => void;
}) {
  const api = useApi();
  const { announce } = useSession();
  const t = useMessages(messages);
  const styles = useStyles();
  const { language } = useLanguage();
  const [perspectiveId, setPerspectiveId] = useState(roadmap.perspectives[0]?.id ?? '');
  const perspective: PerspectiveLevelView | undefined = roadmap.perspectives.find(
    (p) => p.id === perspectiveId,
  );
  const [target, setTarget] = useState('');
  const [year, setYear] = useState(String(roadmap.targetYear));
  const [problem, setProblem] = useState<{ conflict: boolean; text: string } | undefined>();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!perspective) return;
    const value = Number(target.replace(',', '.'));
    setProblem(undefined);
    api
      .put<RoadmapView>(
        `/api/roadmaps/${encodeURIComponent(roadmap.id)}/perspectives/${encodeURIComponent(perspective.id)}/target`,
        { target: value, targetYear: Number(year), priority: perspective.priority },
        { ifMatch: perspective.etag, query: { lang: language } },
      )
      .then(({ data }) => {
        announce(t.saved);
        setTarget('');
        onChanged(data);
      })
      .catch(async (error: unknown) => {
        if (error instanceof ApiProblem && error.status === 412) {
          setProblem({ conflict: true, text: t.conflict });
          onChanged(
            await api.get<RoadmapView>(`/api/roadmaps/${encodeURIComponent(roadmap.id)}`, { lang: language }),
          );
          return;
        }
        setProblem({
          conflict: false,
          text: format(t.problem, {
            detail: error instanceof ApiProblem ? (error.detail ?? error.title) : '',
          }),
        });
      });
  };
  return (
    <form className={styles.agree} onSubmit={submit} aria-label={t.agree}>
      {problem && (
        <div role="alert" style={{ flexBasis: '100%' }}>
          <MessageBar intent={problem.conflict ? 'warning' : 'error'} layout="multiline">
            <MessageBarBody>
              {problem.conflict && <MessageBarTitle>{t.conflictTitle}</MessageBarTitle>}
              {problem.text}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      <Field label={t.perspective}>
        <Select value={perspectiveId} onChange={(_, data) => setPerspectiveId(data.value)}>
          {roadmap.perspectives.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={`${t.target} (1–5)`} required>
        <Input value={target} inputMode="decimal" onChange={(_, data) => setTarget(data.value)} />
      </Field>
      <Field label={t.targetYear}>
        <Input value={year} inputMode="numeric" onChange={(_, data) => setYear(data.value)} />
      </Field>
      <Button type="submit" appearance="primary">
        {t.agree}
      </Button>
    </form>
  );
}

function TargetSetting({
  roadmap,
  onChanged,
}: {
  readonly roadmap: RoadmapView;
  readonly onChanged: (next: RoadmapView) => void;
}) {
  const api = useApi();
  const t = useMessages(messages);
  const table = useTableStyles();
  const styles = useStyles();
  const { language } = useLanguage();
  const spread = useApiData(
    () =>
      api.get<TargetSpreadView>(`/api/roadmaps/${encodeURIComponent(roadmap.id)}/target-setting`, {
        lang: language,
      }),
    [roadmap.id, roadmap.etag, language],
  );
  const step = (which: 'open' | 'close'): void => {
    api
      .post<RoadmapView>(
        `/api/roadmaps/${encodeURIComponent(roadmap.id)}/target-setting/${which}`,
        undefined,
        {
          query: { lang: language },
        },
      )
      .then(({ data }) => onChanged(data))
      .catch(() => spread.reload());
  };
  const data = spread.data;
  return (
    <section className={table.section} aria-labelledby="roadmap-targets">
      <h2 id="roadmap-targets" className={table.sectionHeading}>
        {t.targetSetting}
      </h2>
      <p className={table.intro}>{t.targetSettingIntro}</p>
      {roadmap.targetSetting.state === 'open' && <p>{t.stateOpen}</p>}
      {roadmap.targetSetting.state === 'closed' && <p>{t.stateClosed}</p>}
      {roadmap.canFacilitate && (
        <div className={styles.buttons}>
          {roadmap.targetSetting.state === 'open' ? (
            <Button onClick={() => step('close')}>{t.closeTargets}</Button>
          ) : (
            <Button appearance="primary" onClick={() => step('open')}>
              {t.openTargets}
            </Button>
          )}
        </div>
      )}
      {spread.status === 'error' && <ErrorMessage error={spread.error} onRetry={spread.reload} />}
      {data && (
        <>
          <p>
            {format(t.answered, { answered: data.answered, eligible: data.eligible })}
            {data.answeredNames && data.answeredNames.length > 0 ? ` (${data.answeredNames.join(', ')})` : ''}
          </p>
          <SpreadChart spread={data} />
        </>
      )}
    </section>
  );
}

function History({ roadmapId, generation }: { readonly roadmapId: string; readonly generation: number }) {
  const api = useApi();
  const t = useMessages(messages);
  const table = useTableStyles();
  const { language } = useLanguage();
  const [more, setMore] = useState<HistoryPage['items']>([]);
  const [token, setToken] = useState<string | null>(null);
  const first = useApiData(
    () =>
      api.get<HistoryPage>(`/api/roadmaps/${encodeURIComponent(roadmapId)}/history`, {
        lang: language,
        pageSize: 20,
      }),
    [roadmapId, language, generation],
  );
  useEffect(() => {
    setMore([]);
    setToken(first.data?.continuationToken ?? null);
  }, [first.data]);
  const loadMore = (): void => {
    if (!token) return;
    api
      .get<HistoryPage>(`/api/roadmaps/${encodeURIComponent(roadmapId)}/history`, {
        lang: language,
        pageSize: 20,
        continuationToken: token,
      })
      .then((page) => {
        setMore((items) => [...items, ...page.items]);
        setToken(page.continuationToken);
      })
      .catch(() => setToken(null));
  };
  const items = [...(first.data?.items ?? []), ...more];
  return (
    <section className={table.section} aria-labelledby="roadmap-history">
      <h2 id="roadmap-history" className={table.sectionHeading}>
        {t.history}
      </h2>
      {first.status === 'error' && <ErrorMessage error={first.error} onRetry={first.reload} />}
      {items.length === 0 && first.status === 'ready' && <p>{t.historyEmpty}</p>}
      {items.length > 0 && (
        <div className={table.scroll} tabIndex={0} role="region" aria-label={t.history}>
          <table className={table.table}>
            <caption className={table.intro}>{t.history}</caption>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.what}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <tr key={`${item.at}-${index}`}>
                  <td>{item.atText}</td>
                  <td>{item.actorName}</td>
                  <td>{item.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {token && <Button onClick={loadMore}>{t.more}</Button>}
    </section>
  );
}
