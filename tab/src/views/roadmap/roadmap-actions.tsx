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
import { useMemo, useState, type FormEvent } from 'react';
import type {
  ActionStatusView,
  ActionView,
  GoalView,
  QuarterView,
  RoadmapView,
} from '../../../../bot/src/roadmap/roadmap-contracts';
import { ApiProblem } from '../../api';
import { format, useLanguage, useMessages } from '../../i18n';
import { useApi, useSession } from '../../session';
import { messages } from './roadmap-messages';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
    border: 'none',
    padding: 0,
  },
  goal: { marginBottom: tokens.spacingVerticalXL },
  goalHeading: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: 600,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
  },
  goalMeta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  scroll: { overflowX: 'auto' },
  // Fixed layout, so the quarters line up from one goal's table to the next.
  grid: {
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    width: '100%',
    minWidth: '720px',
    fontSize: tokens.fontSizeBase300,
  },
  statusHead: { width: '170px' },
  head: {
    fontWeight: 600,
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalXS} 2px`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    textAlign: 'center',
  },
  currentHead: { backgroundColor: tokens.colorBrandBackground2 },
  label: {
    textAlign: 'left',
    fontWeight: 'normal',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    width: '30%',
    verticalAlign: 'top',
  },
  owner: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: 0, height: '40px' },
  currentCell: { backgroundColor: tokens.colorBrandBackground2 },
  bar: { display: 'block', height: '16px', boxSizing: 'border-box' },
  status: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
    verticalAlign: 'top',
  },
  lateText: { color: tokens.colorPaletteRedForeground1, fontWeight: 600 },
  checkIn: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  formButtons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

/** Status colours at 4.5:1 or more on white (the bar is also labelled in words beside it). */
const STATUS_COLOUR: Record<ActionStatusView, string> = {
  planned: '#616161',
  inProgress: '#0F6CBD',
  done: '#107C41',
  late: '#C50F1F',
  dropped: '#8A8886',
};

const indexOf = (quarter: QuarterView): number => quarter.year * 4 + quarter.quarter - 1;
const quarterAt = (index: number): QuarterView => ({
  year: Math.floor(index / 4),
  quarter: ((index % 4) + 1) as 1 | 2 | 3 | 4,
});
const quarterKey = (quarter: QuarterView): string => `${quarter.year}-${quarter.quarter}`;

interface Filters {
  readonly perspective: string;
  readonly owner: string;
  readonly status: string;
}

const ownerKey = (action: ActionView): string =>
  action.owner?.aadObjectId ?? (action.owner ? `name:${action.owner.name}` : 'none');

/** Goals with their actions on a quarter timeline, filters, and editing with ETag conflicts shown plainly. */
export function RoadmapActions({
  roadmap,
  onChanged,
}: {
  readonly roadmap: RoadmapView;
  readonly onChanged: (next: RoadmapView) => void;
}) {
  const styles = useStyles();
  const t = useMessages(messages);
  const [filters, setFilters] = useState<Filters>({ perspective: '', owner: '', status: '' });
  const [editing, setEditing] = useState<string | undefined>();
  const all = roadmap.goals.flatMap((goal) => goal.actions);
  const owners = useMemo(() => {
    const seen = new Map<string, string>();
    for (const action of all) if (action.owner) seen.set(ownerKey(action), action.owner.name);
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1], 'fi'));
  }, [roadmap]);
  const perspectives = roadmap.perspectives.filter((p) =>
    roadmap.goals.some((g) => g.perspectiveId === p.id),
  );
  const matches = (goal: GoalView, action: ActionView): boolean =>
    (filters.perspective === '' || goal.perspectiveId === filters.perspective) &&
    (filters.owner === '' || ownerKey(action) === filters.owner) &&
    (filters.status === '' ||
      (filters.status === 'late' ? action.late : action.status === filters.status && !action.late));
  const shown = roadmap.goals.flatMap((goal) => goal.actions.filter((action) => matches(goal, action)));

  // The timeline spans every action's quarters and the current one.
  const indices = [
    indexOf(roadmap.currentQuarter),
    ...all.flatMap((a) => [indexOf(a.start), indexOf(a.end)]),
  ];
  const first = Math.min(...indices);
  const last = Math.min(Math.max(...indices), first + 15);
  const quarters = Array.from({ length: last - first + 1 }, (_, i) => quarterAt(first + i));
  const current = indexOf(roadmap.currentQuarter);

  return (
    <div>
      <fieldset className={styles.filters}>
        <legend className={styles.goalHeading}>{t.filters}</legend>
        <Field label={t.filterPerspective}>
          <Select
            value={filters.perspective}
            onChange={(_, data) => setFilters({ ...filters, perspective: data.value })}
          >
            <option value="">{t.all}</option>
            {perspectives.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.filterOwner}>
          <Select value={filters.owner} onChange={(_, data) => setFilters({ ...filters, owner: data.value })}>
            <option value="">{t.all}</option>
            {owners.map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.filterStatus}>
          <Select
            value={filters.status}
            onChange={(_, data) => setFilters({ ...filters, status: data.value })}
          >
            <option value="">{t.all}</option>
            {roadmap.choices.statuses.map((status) => (
              <option key={status.id} value={status.id}>
                {status.name}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      <p role="status">{format(t.shown, { shown: shown.length, total: all.length })}</p>
      {shown.length === 0 && <p>{t.noActions}</p>}
      {roadmap.goals.map((goal) => {
        const actions = goal.actions.filter((action) => matches(goal, action));
        if (actions.length === 0 && !(roadmap.canEdit && filters.owner === '' && filters.status === ''))
          return null;
        if (filters.perspective !== '' && goal.perspectiveId !== filters.perspective) return null;
        return (
          <section key={goal.id} className={styles.goal} aria-labelledby={`goal-${goal.id}`}>
            <h3 id={`goal-${goal.id}`} className={styles.goalHeading}>
              {goal.title}
            </h3>
            <p className={styles.goalMeta}>
              {[goal.perspectiveLabel, goal.strategyGoal, goal.compassAreaName].filter(Boolean).join(' · ')}
            </p>
            {actions.length > 0 && (
              <div className={styles.scroll} tabIndex={0} role="region" aria-label={goal.title}>
                <table className={styles.grid} aria-labelledby={`goal-${goal.id}`}>
                  <thead>
                    <tr>
                      <th scope="col" className={styles.label}>
                        {t.action}
                      </th>
                      {quarters.map((quarter) => (
                        <th
                          key={quarterKey(quarter)}
                          scope="col"
                          className={`${styles.head} ${indexOf(quarter) === current ? styles.currentHead : ''}`}
                        >
                          Q{quarter.quarter}
                          <br />
                          {quarter.year}
                        </th>
                      ))}
                      <th scope="col" className={`${styles.status} ${styles.statusHead}`}>
                        {t.status}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {actions.map((action) => (
                      <ActionRow
                        key={action.id}
                        action={action}
                        quarters={quarters}
                        current={current}
                        roadmap={roadmap}
                        editing={editing === action.id}
                        onEdit={() => setEditing(editing === action.id ? undefined : action.id)}
                        onSaved={(next) => {
                          setEditing(undefined);
                          onChanged(next);
                        }}
                        onConflict={onChanged}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {roadmap.canEdit && <AddAction goal={goal} roadmap={roadmap} onSaved={onChanged} />}
          </section>
        );
      })}
    </div>
  );
}

function ActionRow({
  action,
  quarters,
  current,
  roadmap,
  editing,
  onEdit,
  onSaved,
  onConflict,
}: {
  readonly action: ActionView;
  readonly quarters: readonly QuarterView[];
  readonly current: number;
  readonly roadmap: RoadmapView;
  readonly editing: boolean;
  readonly onEdit: () => void;
  readonly onSaved: (next: RoadmapView) => void;
  readonly onConflict: (next: RoadmapView) => void;
}) {
  const styles = useStyles();
  const t = useMessages(messages);
  const start = indexOf(action.start);
  const end = indexOf(action.end);
  const colour = STATUS_COLOUR[action.late ? 'late' : action.status];
  return (
    <>
      <tr>
        <th scope="row" className={styles.label}>
          {action.title}
          <span className={styles.owner}>
            {action.owner
              ? `${action.owner.name}${action.owner.title ? ` (${action.owner.title})` : ''}${
                  action.owner.reachableInTeams ? '' : ` – ${t.notInTeams}`
                }`
              : t.ownerNone}
          </span>
          <span className={styles.owner}>{action.scheduleText}</span>
          {action.lastCheckIn && (
            <span className={styles.checkIn}>
              {format(t.lastCheckIn, {
                period: action.lastCheckIn.periodText,
                status: action.lastCheckIn.line
                  ? `${action.lastCheckIn.statusName} – ${action.lastCheckIn.line}`
                  : action.lastCheckIn.statusName,
                name: action.lastCheckIn.byName,
              })}
            </span>
          )}
        </th>
        {quarters.map((quarter) => {
          const index = indexOf(quarter);
          const inside = index >= start && index <= end;
          return (
            <td
              key={quarterKey(quarter)}
              className={`${styles.cell} ${index === current ? styles.currentCell : ''}`}
              aria-hidden="true"
            >
              {inside && (
                // One continuous bar over the cells: rounded and inset only at its ends.
                <span
                  className={styles.bar}
                  style={{
                    ...(action.status === 'planned' && !action.late
                      ? {
                          backgroundColor: '#FFFFFF',
                          borderTop: `2px solid ${colour}`,
                          borderBottom: `2px solid ${colour}`,
                          borderLeft: index === start ? `2px solid ${colour}` : 'none',
                          borderRight: index === end ? `2px solid ${colour}` : 'none',
                        }
                      : { backgroundColor: colour }),
                    marginLeft: index === start ? '3px' : 0,
                    marginRight: index === end ? '3px' : 0,
                    borderTopLeftRadius: index === start ? '4px' : 0,
                    borderBottomLeftRadius: index === start ? '4px' : 0,
                    borderTopRightRadius: index === end ? '4px' : 0,
                    borderBottomRightRadius: index === end ? '4px' : 0,
                  }}
                />
              )}
            </td>
          );
        })}
        <td className={styles.status}>
          <span className={action.late ? styles.lateText : undefined}>
            {action.statusName}
            {action.late && action.status !== 'late' ? ` (${t.lateMark})` : ''}
          </span>
          {roadmap.canEdit && (
            <div>
              <Button
                size="small"
                appearance="subtle"
                onClick={onEdit}
                aria-expanded={editing}
                aria-label={format(t.edit, { title: action.title })}
              >
                {t.editShort}
              </Button>
            </div>
          )}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={quarters.length + 2}>
            <ActionForm
              roadmap={roadmap}
              goalId={action.goalId}
              action={action}
              onSaved={onSaved}
              onConflict={onConflict}
              onCancel={onEdit}
            />
          </td>
        </tr>
      )}
    </>
  );
}

function AddAction({
  goal,
  roadmap,
  onSaved,
}: {
  readonly goal: GoalView;
  readonly roadmap: RoadmapView;
  readonly onSaved: (next: RoadmapView) => void;
}) {
  const t = useMessages(messages);
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
        {format(t.addAction, { goal: goal.title })}
      </Button>
      {open && (
        <ActionForm
          roadmap={roadmap}
          goalId={goal.id}
          onSaved={(next) => {
            setOpen(false);
            onSaved(next);
          }}
          onConflict={onSaved}
          onCancel={() => setOpen(false)}
        />
      )}
    </div>
  );
}

type OwnerChoice = { kind: 'none' } | { kind: 'participant'; key: string } | { kind: 'external' };

function ActionForm({
  roadmap,
  goalId,
  action,
  onSaved,
  onConflict,
  onCancel,
}: {
  readonly roadmap: RoadmapView;
  readonly goalId: string;
  readonly action?: ActionView;
  readonly onSaved: (next: RoadmapView) => void;
  readonly onConflict: (next: RoadmapView) => void;
  readonly onCancel: () => void;
}) {
  const styles = useStyles();
  const t = useMessages(messages);
  const api = useApi();
  const { announce } = useSession();
  const { language } = useLanguage();
  const now = indexOf(roadmap.currentQuarter);
  const [title, setTitle] = useState(action?.title ?? '');
  const [status, setStatus] = useState<ActionStatusView>(action?.status ?? 'planned');
  const [start, setStart] = useState(action ? indexOf(action.start) : now);
  const [end, setEnd] = useState(action ? indexOf(action.end) : now + 1);
  const [indicator, setIndicator] = useState(action?.indicator ?? '');
  const [note, setNote] = useState(action?.note ?? '');
  const initialOwner: OwnerChoice =
    action?.owner?.kind === 'participant' && action.owner.aadObjectId
      ? { kind: 'participant', key: `${action.owner.tenantId ?? ''}|${action.owner.aadObjectId}` }
      : action?.owner?.kind === 'external'
        ? { kind: 'external' }
        : { kind: 'none' };
  const [owner, setOwner] = useState<OwnerChoice>(initialOwner);
  const [externalName, setExternalName] = useState(
    action?.owner?.kind === 'external' ? action.owner.name : '',
  );
  const [externalTitle, setExternalTitle] = useState(action?.owner?.title ?? '');
  const [problem, setProblem] = useState<{ conflict: boolean; detail: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const quarterChoices = Array.from({ length: 24 }, (_, i) => now - 8 + i);
  const id = action?.id ?? `new-${goalId}`;

  const ownerBody = (): unknown => {
    if (owner.kind === 'participant') {
      const [tenantId, aadObjectId] = owner.key.split('|');
      return { kind: 'participant', tenantId, aadObjectId };
    }
    if (owner.kind === 'external') return { kind: 'external', name: externalName, title: externalTitle };
    return null;
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const body = {
      goalId,
      title,
      owner: ownerBody(),
      start: quarterAt(start),
      end: quarterAt(end),
      status,
      indicator,
      note,
    };
    const base = `/api/roadmaps/${encodeURIComponent(roadmap.id)}/actions`;
    const request = action
      ? api.request<RoadmapView>('PUT', `${base}/${encodeURIComponent(action.id)}`, {
          body,
          ifMatch: action.etag,
          query: { lang: language },
        })
      : api.post<RoadmapView>(base, body, { query: { lang: language } });
    request
      .then(({ data }) => {
        announce(t.saved);
        onSaved(data);
      })
      .catch(async (error: unknown) => {
        if (error instanceof ApiProblem && error.status === 412) {
          // The notice comes with the other person's version already in the form (one render), so
          // the editor, and a screen reader announcing the alert, see what changed at once.
          try {
            const fresh = await api.get<RoadmapView>(`/api/roadmaps/${encodeURIComponent(roadmap.id)}`, {
              lang: language,
            });
            const newer = fresh.goals.flatMap((goal) => goal.actions).find((a) => a.id === action?.id);
            if (newer) {
              setTitle(newer.title);
              setStatus(newer.status);
              setStart(indexOf(newer.start));
              setEnd(indexOf(newer.end));
              setIndicator(newer.indicator);
              setNote(newer.note);
            }
            onConflict(fresh);
          } finally {
            setProblem({ conflict: true, detail: t.conflict });
          }
          return;
        }
        setProblem({
          conflict: false,
          detail: format(t.problem, {
            detail: error instanceof ApiProblem ? (error.detail ?? error.title) : t.problem,
          }),
        });
      })
      .finally(() => setBusy(false));
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label={action ? format(t.edit, { title: action.title }) : t.addAction}
    >
      {problem && (
        <div role="alert" style={{ gridColumn: '1 / -1' }}>
          <MessageBar intent={problem.conflict ? 'warning' : 'error'} layout="multiline">
            <MessageBarBody>
              {problem.conflict && <MessageBarTitle>{t.conflictTitle}</MessageBarTitle>}
              {problem.detail}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      <Field label={t.title} required>
        <Input
          id={`${id}-title`}
          value={title}
          maxLength={200}
          onChange={(_, data) => setTitle(data.value)}
        />
      </Field>
      <Field label={t.status}>
        <Select value={status} onChange={(_, data) => setStatus(data.value as ActionStatusView)}>
          {roadmap.choices.statuses.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.start}>
        <Select value={String(start)} onChange={(_, data) => setStart(Number(data.value))}>
          {quarterChoices.map((index) => (
            <option key={index} value={index}>
              Q{quarterAt(index).quarter}/{quarterAt(index).year}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.end}>
        <Select value={String(end)} onChange={(_, data) => setEnd(Number(data.value))}>
          {quarterChoices.map((index) => (
            <option key={index} value={index}>
              Q{quarterAt(index).quarter}/{quarterAt(index).year}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.filterOwner}>
        <Select
          value={owner.kind === 'participant' ? owner.key : owner.kind}
          onChange={(_, data) =>
            setOwner(
              data.value === 'none' || data.value === 'external'
                ? { kind: data.value }
                : { kind: 'participant', key: data.value },
            )
          }
        >
          <option value="none">{t.ownerNone}</option>
          {roadmap.people.map((person) => (
            <option key={person.aadObjectId} value={`${person.tenantId}|${person.aadObjectId}`}>
              {person.name}
            </option>
          ))}
          <option value="external">{t.ownerExternal}</option>
        </Select>
      </Field>
      {owner.kind === 'external' && (
        <>
          <Field label={t.externalName} required>
            <Input value={externalName} maxLength={120} onChange={(_, data) => setExternalName(data.value)} />
          </Field>
          <Field label={t.externalTitle}>
            <Input
              value={externalTitle}
              maxLength={120}
              onChange={(_, data) => setExternalTitle(data.value)}
            />
          </Field>
        </>
      )}
      <Field label={t.indicator}>
        <Input value={indicator} maxLength={300} onChange={(_, data) => setIndicator(data.value)} />
      </Field>
      <Field label={t.note}>
        <Input value={note} maxLength={1000} onChange={(_, data) => setNote(data.value)} />
      </Field>
      <div className={styles.formButtons}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t.save}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
