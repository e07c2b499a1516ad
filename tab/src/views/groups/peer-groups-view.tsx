import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  AnswersResponse,
  DiscussionsResponse,
  FormationView,
  MyGroupsResponse,
  MyMeetingView,
  RsvpAnswer,
  RsvpResult,
} from '../../../../bot/src/groups/peer-group-contracts';
import { ApiProblem } from '../../api';
import { ErrorMessage, Loading } from '../../components/status';
import { defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { runAction, useApi, useApiData, useMe, useSession } from '../../session';

const messages = defineMessages({
  fi: {
    heading: 'Vertaisryhmät',
    intro: 'Ylimmän johdon vertaiskeskustelut pienryhmissä kunkin kehittämispajan jälkeen.',
    myGroups: 'Omat ryhmäni',
    noMeetings: 'Sinulla ei ole vielä ryhmää. Kutsu tulee Teamsiin, kun ryhmät on muodostettu.',
    notLeader: 'Vertaisryhmät ovat ylimmälle johdolle.',
    group: 'Ryhmä {number}',
    members: 'Jäsenet',
    join: 'Liity Teams-kokoukseen',
    addToCalendar: 'Lisää kalenteriin',
    agenda: 'Asialista ja ennakkotehtävä',
    accept: 'Osallistun',
    decline: 'En pääse',
    answerAccepted: 'Vastauksesi: osallistut',
    answerDeclined: 'Vastauksesi: et pääse',
    answerNone: 'Et ole vielä vastannut',
    cancelled: 'Peruttu',
    changed: 'Kutsu on muuttunut. Tarkista tiedot ja vastaa uudelleen.',
    saved: 'Vastauksesi on tallennettu.',
    optOut: 'Jätän tämän kierroksen vertaisryhmät väliin',
    coordinator: 'Ryhmien muodostus',
    discussion: 'Keskustelu',
    leaders: '{count} johtajaa, {optedOut} jättää väliin',
    seed: 'Siemen (sama siemen, samat ryhmät)',
    size: 'Ryhmän koko',
    generate: 'Muodosta ryhmät',
    reform: 'Muodosta lukitsemattomat uudelleen',
    send: 'Lähetä kutsut',
    sent: 'Kutsut lähetetty {when}.',
    notFormed: 'Ryhmiä ei ole vielä muodostettu.',
    diagnostics:
      'Toistuvia pareja {repeats} · saman kunnan pareja {conflicts} · saman maakunnan pareja {regions} · saman kokoluokan pareja {sizes} · koot {smallest}–{largest}',
    locked: 'Lukittu',
    lock: 'Lukitse',
    unlock: 'Avaa lukitus',
    moveTo: 'Siirrä ryhmään',
    answers: 'Vastaukset',
    accepted: 'Osallistuu',
    declined: 'Ei pääse',
    none: 'Ei vastausta',
    outdated: 'vastasi aiempaan kutsuun',
    conflict: 'Joku muu muutti ryhmiä samaan aikaan. Näkymä päivitettiin; yritä uudelleen.',
    done: 'Tallennettu.',
  },
  sv: {
    heading: 'Kamratgrupper',
    intro: 'Kamratsamtal för högsta ledningen i små grupper efter varje utvecklingsverkstad.',
    myGroups: 'Mina grupper',
    noMeetings: 'Du har ännu ingen grupp. Inbjudan kommer i Teams när grupperna har bildats.',
    notLeader: 'Kamratgrupperna är för högsta ledningen.',
    group: 'Grupp {number}',
    members: 'Medlemmar',
    join: 'Delta i Teams-mötet',
    addToCalendar: 'Lägg till i kalendern',
    agenda: 'Föredragningslista och förhandsuppgift',
    accept: 'Jag deltar',
    decline: 'Jag kan inte',
    answerAccepted: 'Ditt svar: du deltar',
    answerDeclined: 'Ditt svar: du kan inte',
    answerNone: 'Du har inte svarat än',
    cancelled: 'Inställt',
    changed: 'Inbjudan har ändrats. Kontrollera uppgifterna och svara på nytt.',
    saved: 'Ditt svar har sparats.',
    optOut: 'Jag avstår från kamratgrupperna denna omgång',
    coordinator: 'Bilda grupper',
    discussion: 'Samtal',
    leaders: '{count} ledare, {optedOut} avstår',
    seed: 'Frö (samma frö, samma grupper)',
    size: 'Gruppstorlek',
    generate: 'Bilda grupper',
    reform: 'Bilda olåsta grupper på nytt',
    send: 'Skicka inbjudningar',
    sent: 'Inbjudningarna skickades {when}.',
    notFormed: 'Grupperna har inte bildats än.',
    diagnostics:
      'Upprepade par {repeats} · par från samma kommun {conflicts} · samma landskap {regions} · samma storleksklass {sizes} · storlekar {smallest}–{largest}',
    locked: 'Låst',
    lock: 'Lås',
    unlock: 'Lås upp',
    moveTo: 'Flytta till grupp',
    answers: 'Svar',
    accepted: 'Deltar',
    declined: 'Kan inte',
    none: 'Inget svar',
    outdated: 'svarade på en tidigare inbjudan',
    conflict: 'Någon annan ändrade grupperna samtidigt. Vyn uppdaterades; försök igen.',
    done: 'Sparat.',
  },
  en: {
    heading: 'Peer groups',
    intro: 'Top-management peer discussions in small groups after each development workshop.',
    myGroups: 'My groups',
    noMeetings: 'You have no group yet. The invitation comes in Teams once the groups are formed.',
    notLeader: 'The peer groups are for top management.',
    group: 'Group {number}',
    members: 'Members',
    join: 'Join the Teams meeting',
    addToCalendar: 'Add to calendar',
    agenda: 'Agenda and pre-assignment',
    accept: 'Accept',
    decline: 'Decline',
    answerAccepted: 'Your answer: you will join',
    answerDeclined: 'Your answer: you cannot join',
    answerNone: 'You have not answered yet',
    cancelled: 'Cancelled',
    changed: 'The invitation has changed. Check it and answer again.',
    saved: 'Your answer has been saved.',
    optOut: 'I sit out the peer groups this round',
    coordinator: 'Forming the groups',
    discussion: 'Discussion',
    leaders: '{count} leaders, {optedOut} sitting out',
    seed: 'Seed (same seed, same groups)',
    size: 'Group size',
    generate: 'Form groups',
    reform: 'Re-form unlocked groups',
    send: 'Send invitations',
    sent: 'Invitations sent {when}.',
    notFormed: 'The groups have not been formed yet.',
    diagnostics:
      'Repeat pairs {repeats} · same-municipality pairs {conflicts} · same-region pairs {regions} · same size-class pairs {sizes} · sizes {smallest}–{largest}',
    locked: 'Locked',
    lock: 'Lock',
    unlock: 'Unlock',
    moveTo: 'Move to group',
    answers: 'Answers',
    accepted: 'Accepted',
    declined: 'Declined',
    none: 'No answer',
    outdated: 'answered an earlier invitation',
    conflict: 'Someone else changed the groups at the same time. The view was refreshed; try again.',
    done: 'Saved.',
  },
});

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase600, fontWeight: 600 },
  section: { marginTop: tokens.spacingVerticalXXL },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  card: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  members: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  groups: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
  },
});

export default function PeerGroupsView() {
  const t = useMessages(messages);
  const me = useMe();
  const styles = useStyles();
  return (
    <section aria-labelledby="peer-groups-heading">
      <h1 id="peer-groups-heading" className={styles.heading}>
        {t.heading}
      </h1>
      <p className={styles.muted}>{t.intro}</p>
      <MyGroups />
      {me.isCoordinator && <CoordinatorGroups />}
    </section>
  );
}

function MyGroups() {
  const t = useMessages(messages);
  const api = useApi();
  const { language } = useLanguage();
  const { announce } = useSession();
  const styles = useStyles();
  const mine = useApiData(() => api.get<MyGroupsResponse>('/api/groups/me', { lang: language }), [language]);
  const [notice, setNotice] = useState<string | undefined>();
  const [failure, setFailure] = useState<Error | undefined>();

  const answer = async (meeting: MyMeetingView, response: RsvpAnswer): Promise<void> => {
    try {
      await api.post<RsvpResult>(`/api/groups/meetings/${encodeURIComponent(meeting.meetingId)}/rsvp`, {
        response,
        sequence: meeting.sequence,
      });
      setNotice(t.saved);
      announce(t.saved);
    } catch (error) {
      const text = error instanceof ApiProblem && error.status === 409 ? t.changed : t.conflict;
      setNotice(text);
      announce(text);
    }
    mine.reload();
  };

  const optOut = async (optedOut: boolean): Promise<void> => {
    setFailure(undefined);
    await api.put('/api/groups/me/opt-out', { optedOut });
    announce(t.done);
    mine.reload();
  };

  const data = mine.data;
  return (
    <section className={styles.section} aria-labelledby="my-groups-heading">
      <h2 id="my-groups-heading">{t.myGroups}</h2>
      {mine.status === 'error' && <ErrorMessage error={mine.error} onRetry={mine.reload} />}
      {failure && <ErrorMessage error={failure} />}
      {mine.status === 'loading' && !data && <Loading />}
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {data && !data.isLeader && data.meetings.length === 0 && <p className={styles.muted}>{t.notLeader}</p>}
      {data?.isLeader && (
        <Switch
          checked={data.optedOut}
          label={t.optOut}
          onChange={(_event, change) => runAction(() => optOut(change.checked), setFailure)}
        />
      )}
      {data && data.isLeader && data.meetings.length === 0 && <p className={styles.muted}>{t.noMeetings}</p>}
      <ul className={styles.list}>
        {data?.meetings.map((meeting) => (
          <li key={meeting.meetingId} className={styles.card}>
            <h3 className={styles.title}>
              {meeting.title} – {format(t.group, { number: meeting.groupNumber })}{' '}
              {meeting.status === 'cancelled' && <Badge color="danger">{t.cancelled}</Badge>}
            </h3>
            <p className={styles.muted}>{meeting.when}</p>
            <h4 className={styles.muted}>{t.members}</h4>
            <ul className={styles.members}>
              {meeting.members.map((member) => (
                <li key={`${member.name}|${member.municipalityName ?? ''}`}>
                  {member.name}
                  {member.municipalityName ? ` (${member.municipalityName})` : ''}
                </li>
              ))}
            </ul>
            {meeting.agenda && (
              <p>
                <strong>{t.agenda}:</strong> {meeting.agenda}
              </p>
            )}
            {meeting.status === 'scheduled' && (
              <>
                <p>
                  {meeting.myResponse === 'accepted'
                    ? t.answerAccepted
                    : meeting.myResponse === 'declined'
                      ? t.answerDeclined
                      : t.answerNone}
                </p>
                <div className={styles.row}>
                  <Button
                    appearance="primary"
                    onClick={() => runAction(() => answer(meeting, 'accepted'), setFailure)}
                  >
                    {t.accept}
                  </Button>
                  <Button onClick={() => runAction(() => answer(meeting, 'declined'), setFailure)}>
                    {t.decline}
                  </Button>
                  {meeting.joinUrl && (
                    <a href={meeting.joinUrl} target="_blank" rel="noreferrer">
                      {t.join}
                    </a>
                  )}
                  {meeting.calendarUrl && <a href={meeting.calendarUrl}>{t.addToCalendar}</a>}
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CoordinatorGroups() {
  const t = useMessages(messages);
  const api = useApi();
  const { language } = useLanguage();
  const { announce } = useSession();
  const styles = useStyles();
  const discussions = useApiData(
    () => api.get<DiscussionsResponse>('/api/groups/discussions', { lang: language }),
    [language],
  );
  const [eventId, setEventId] = useState<string | undefined>();
  const [seed, setSeed] = useState('kierros');
  const [size, setSize] = useState('5');
  const [problem, setProblem] = useState<Error | undefined>();
  const selected = eventId ?? discussions.data?.discussions[0]?.eventId;
  const formation = useApiData(async () => {
    if (!selected) return undefined;
    try {
      return await api.getVersioned<FormationView>(
        `/api/groups/discussions/${encodeURIComponent(selected)}`,
        {
          lang: language,
        },
      );
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 404) return undefined;
      throw error;
    }
  }, [selected, language]);
  const answers = useApiData(async () => {
    if (!selected) return undefined;
    return api.get<AnswersResponse>(`/api/groups/discussions/${encodeURIComponent(selected)}/answers`, {
      lang: language,
    });
  }, [selected, language]);

  const current = formation.data?.data;
  const etag = formation.data?.etag ?? undefined;

  const change = async (path: string, body: unknown, withEtag = true): Promise<void> => {
    if (!selected) return;
    setProblem(undefined);
    try {
      await api.request('POST', `/api/groups/discussions/${encodeURIComponent(selected)}/${path}`, {
        body,
        ...(withEtag && etag ? { ifMatch: etag } : {}),
      });
      announce(t.done);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) announce(t.conflict);
      setProblem(error instanceof Error ? error : new Error(String(error)));
    }
    formation.reload();
    answers.reload();
    discussions.reload();
  };

  const summary = discussions.data?.discussions.find((discussion) => discussion.eventId === selected);
  return (
    <section className={styles.section} aria-labelledby="coordinator-groups-heading">
      <h2 id="coordinator-groups-heading">{t.coordinator}</h2>
      {discussions.status === 'error' && (
        <ErrorMessage error={discussions.error} onRetry={discussions.reload} />
      )}
      {discussions.data && (
        <p className={styles.muted}>
          {format(t.leaders, { count: discussions.data.leaders, optedOut: discussions.data.optedOut })}
        </p>
      )}
      <div className={styles.row}>
        <Field label={t.discussion}>
          <Select value={selected ?? ''} onChange={(_event, data) => setEventId(data.value)}>
            {discussions.data?.discussions.map((discussion) => (
              <option key={discussion.eventId} value={discussion.eventId}>
                {discussion.title} ({discussion.when})
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.seed}>
          <Input value={seed} onChange={(_event, data) => setSeed(data.value)} />
        </Field>
        <Field label={t.size}>
          <Input
            type="number"
            min={2}
            max={20}
            value={size}
            onChange={(_event, data) => setSize(data.value)}
          />
        </Field>
        <Button
          appearance="primary"
          disabled={Boolean(current?.invitedAt)}
          onClick={() => runAction(() => change('formation', { seed, groupSize: Number(size) }), setProblem)}
        >
          {t.generate}
        </Button>
        <Button
          disabled={!current || Boolean(current.invitedAt)}
          onClick={() => runAction(() => change('reform', { seed }), setProblem)}
        >
          {t.reform}
        </Button>
        <Button
          disabled={!current}
          onClick={() => runAction(() => change('invitations', undefined, false), setProblem)}
        >
          {t.send}
        </Button>
      </div>
      {problem && <ErrorMessage error={problem} />}
      {summary?.invitedAt && (
        <p>{format(t.sent, { when: new Date(summary.invitedAt).toLocaleString(language) })}</p>
      )}
      {formation.status === 'loading' && !current && <Loading />}
      {!current && formation.status === 'ready' && <p className={styles.muted}>{t.notFormed}</p>}
      {current && (
        <>
          <p>
            {format(t.diagnostics, {
              repeats: current.diagnostics.repeatPairings,
              conflicts: current.diagnostics.municipalityConflicts,
              regions: current.diagnostics.sameRegionPairs,
              sizes: current.diagnostics.sameSizeClassPairs,
              smallest: current.diagnostics.sizeSpread.smallest,
              largest: current.diagnostics.sizeSpread.largest,
            })}
          </p>
          <div className={styles.groups}>
            {current.groups.map((group) => {
              const groupAnswers = answers.data?.groups.find(
                (candidate) => candidate.groupNumber === group.number,
              );
              return (
                <article
                  key={group.index}
                  className={styles.card}
                  aria-label={format(t.group, { number: group.number })}
                >
                  <h3 className={styles.title}>
                    {format(t.group, { number: group.number })} {group.locked && <Badge>{t.locked}</Badge>}
                  </h3>
                  <ul className={styles.members}>
                    {group.members.map((member) => {
                      const answer = groupAnswers?.members.find(
                        (candidate) => candidate.memberId === member.memberId,
                      );
                      return (
                        <li key={member.memberId}>
                          {member.name}
                          {member.municipalityName ? ` (${member.municipalityName})` : ''}
                          {answer && (
                            <>
                              {' – '}
                              {answer.response === 'accepted'
                                ? t.accepted
                                : answer.response === 'declined'
                                  ? t.declined
                                  : answer.outdatedResponse
                                    ? `${t.none} (${t.outdated})`
                                    : t.none}
                              {answer.answeredIn === 'outlook' ? ' (Outlook)' : ''}
                            </>
                          )}
                          <Select
                            aria-label={`${t.moveTo}: ${member.name}`}
                            value=""
                            onChange={(_event, data) =>
                              runAction(
                                () =>
                                  change('move', {
                                    memberId: member.memberId,
                                    targetIndex: Number(data.value),
                                  }),
                                setProblem,
                              )
                            }
                          >
                            <option value="">{t.moveTo}</option>
                            {current.groups
                              .filter((target) => target.index !== group.index)
                              .map((target) => (
                                <option key={target.index} value={target.index}>
                                  {format(t.group, { number: target.number })}
                                </option>
                              ))}
                          </Select>
                        </li>
                      );
                    })}
                  </ul>
                  {groupAnswers && (
                    <p className={styles.muted}>
                      {t.answers}: {t.accepted} {groupAnswers.counts.accepted} · {t.declined}{' '}
                      {groupAnswers.counts.declined} · {t.none} {groupAnswers.counts.none}
                    </p>
                  )}
                  <Button
                    onClick={() =>
                      runAction(
                        () => change('lock', { index: group.index, locked: !group.locked }),
                        setProblem,
                      )
                    }
                  >
                    {group.locked ? t.unlock : t.lock}
                  </Button>
                </article>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
