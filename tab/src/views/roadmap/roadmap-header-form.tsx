import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type {
  CompassAreaView,
  RoadmapPhaseView,
  RoadmapView,
} from '../../../../bot/src/roadmap/roadmap-contracts';
import { ApiProblem, type ApiClient } from '../../api';
import { format, useLanguage, useMessages, type Language } from '../../i18n';
import { useApi, useSession } from '../../session';
import { messages, type RoadmapMessages } from './roadmap-messages';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  wide: { gridColumn: '1 / -1' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

type Problem = { readonly conflict: boolean; readonly text: string } | undefined;

/** Saves, or on 412 fetches the newer version for the caller to show, and says which it was. */
async function save(
  api: ApiClient,
  roadmapId: string,
  language: Language,
  t: RoadmapMessages,
  write: () => Promise<{ data: RoadmapView }>,
): Promise<{ roadmap: RoadmapView; problem: Problem }> {
  try {
    return { roadmap: (await write()).data, problem: undefined };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 412) {
      const roadmap = await api.get<RoadmapView>(`/api/roadmaps/${encodeURIComponent(roadmapId)}`, {
        lang: language,
      });
      return { roadmap, problem: { conflict: true, text: t.conflict } };
    }
    throw error;
  }
}

function ProblemBar({ problem }: { readonly problem: Problem }) {
  const t = useMessages(messages);
  const styles = useStyles();
  if (!problem) return null;
  return (
    <div role="alert" className={styles.wide}>
      <MessageBar intent={problem.conflict ? 'warning' : 'error'} layout="multiline">
        <MessageBarBody>
          {problem.conflict && <MessageBarTitle>{t.conflictTitle}</MessageBarTitle>}
          {problem.text}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

const detailOf = (error: unknown, t: RoadmapMessages): string =>
  format(t.problem, { detail: error instanceof ApiProblem ? (error.detail ?? error.title) : '' });

/** Phase, vision and follow-up cadence, conditional on the header's ETag. */
export function HeaderForm({
  roadmap,
  onChanged,
  onClose,
}: {
  readonly roadmap: RoadmapView;
  readonly onChanged: (next: RoadmapView) => void;
  readonly onClose: () => void;
}) {
  const api = useApi();
  const { announce } = useSession();
  const t = useMessages(messages);
  const styles = useStyles();
  const { language } = useLanguage();
  const [phase, setPhase] = useState<RoadmapPhaseView>(roadmap.phase);
  const [vision, setVision] = useState(roadmap.vision);
  const [cadence, setCadence] = useState(roadmap.cadenceMonths);
  const [problem, setProblem] = useState<Problem>();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setProblem(undefined);
    save(api, roadmap.id, language, t, () =>
      api.request<RoadmapView>('PATCH', `/api/roadmaps/${encodeURIComponent(roadmap.id)}`, {
        body: { phase, vision, cadenceMonths: cadence },
        ifMatch: roadmap.etag,
        query: { lang: language },
      }),
    )
      .then(({ roadmap: next, problem: found }) => {
        onChanged(next);
        if (found) {
          // The newer version goes into the form, so the editor sees what the other person wrote.
          setPhase(next.phase);
          setVision(next.vision);
          setCadence(next.cadenceMonths);
          setProblem(found);
          return;
        }
        announce(t.saved);
        onClose();
      })
      .catch((error: unknown) => setProblem({ conflict: false, text: detailOf(error, t) }));
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={t.editHeader}>
      <ProblemBar problem={problem} />
      <Field label={t.phase}>
        <Select value={phase} onChange={(_, data) => setPhase(data.value as RoadmapPhaseView)}>
          {roadmap.choices.phases.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.cadence}>
        <Select value={String(cadence)} onChange={(_, data) => setCadence(Number(data.value))}>
          {roadmap.choices.cadences.map((choice) => (
            <option key={choice.months} value={choice.months}>
              {choice.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.vision} className={styles.wide}>
        <Textarea
          value={vision}
          maxLength={2000}
          resize="vertical"
          onChange={(_, data) => setVision(data.value)}
        />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary">
          {t.save}
        </Button>
        <Button type="button" onClick={onClose}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}

/** A new goal: linked to a perspective, a strategy goal and an area of the national digital compass. */
export function GoalForm({
  roadmap,
  onChanged,
  onClose,
}: {
  readonly roadmap: RoadmapView;
  readonly onChanged: (next: RoadmapView) => void;
  readonly onClose: () => void;
}) {
  const api = useApi();
  const { announce } = useSession();
  const t = useMessages(messages);
  const styles = useStyles();
  const { language } = useLanguage();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [perspectiveId, setPerspectiveId] = useState('');
  const [strategyGoal, setStrategyGoal] = useState('');
  const [compassArea, setCompassArea] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setProblem(undefined);
    api
      .post<RoadmapView>(
        `/api/roadmaps/${encodeURIComponent(roadmap.id)}/goals`,
        {
          title,
          description,
          perspectiveId: perspectiveId || null,
          strategyGoal,
          compassArea: (compassArea || null) as CompassAreaView | null,
        },
        { query: { lang: language } },
      )
      .then(({ data }) => {
        announce(t.saved);
        onChanged(data);
        onClose();
      })
      .catch((error: unknown) => setProblem({ conflict: false, text: detailOf(error, t) }));
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={t.addGoal}>
      <ProblemBar problem={problem} />
      <Field label={t.title} required>
        <Input value={title} maxLength={200} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <Field label={t.perspective}>
        <Select value={perspectiveId} onChange={(_, data) => setPerspectiveId(data.value)}>
          <option value="">–</option>
          {roadmap.perspectives.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.strategyGoal}>
        <Input value={strategyGoal} maxLength={200} onChange={(_, data) => setStrategyGoal(data.value)} />
      </Field>
      <Field label={t.compassArea}>
        <Select value={compassArea} onChange={(_, data) => setCompassArea(data.value)}>
          <option value="">–</option>
          {roadmap.choices.compassAreas.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.description} className={styles.wide}>
        <Textarea value={description} maxLength={2000} onChange={(_, data) => setDescription(data.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary">
          {t.save}
        </Button>
        <Button type="button" onClick={onClose}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
