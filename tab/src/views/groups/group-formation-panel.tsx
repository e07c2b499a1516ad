import { Badge, Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type {
  AnswersResponse,
  DiscussionsResponse,
  FormationView,
  InvitationPreviewResponse,
} from '../../../../bot/src/groups/peer-group-contracts';
import { ApiProblem } from '../../api';
import { ConfirmSendDialog } from '../../components/confirm-send-dialog';
import { DeliveryReport } from '../../components/delivery-report';
import { ErrorMessage, Loading } from '../../components/status';
import { helsinkiText } from '../../helsinki-time';
import { LANGUAGES, LANGUAGE_NAMES, defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { runAction, useApi, useApiData, useSession } from '../../session';
import { useGroupStyles } from './styles';

const messages = defineMessages({
  fi: {
    group: 'Ryhmä {number}',
    coordinator: 'Ryhmien muodostus',
    discussion: 'Keskustelu',
    leaders: '{count} johtajaa, {optedOut} jättää väliin',
    seed: 'Arvonnan tunniste',
    seedHint: 'Sama tunniste muodostaa samat ryhmät. Vaihda tunniste, jos haluat uuden arvonnan.',
    size: 'Ryhmän koko',
    generate: 'Muodosta ryhmät',
    reform: 'Muodosta lukitsemattomat ryhmät uudelleen',
    send: 'Lähetä kutsut…',
    confirmSend: 'Lähetetäänkö kutsut ryhmien jäsenille?',
    alreadySent: 'Kutsut lähetettiin jo {when}; nyt lähtevät vain muutokset niille, joita ne koskevat.',
    invitationIn: 'Kutsu ({language})',
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
    group: 'Grupp {number}',
    coordinator: 'Bilda grupper',
    discussion: 'Samtal',
    leaders: '{count} ledare, {optedOut} avstår',
    seed: 'Lottningens nyckel',
    seedHint: 'Samma nyckel ger samma grupper. Byt nyckel om du vill lotta på nytt.',
    size: 'Gruppstorlek',
    generate: 'Bilda grupper',
    reform: 'Bilda olåsta grupper på nytt',
    send: 'Skicka inbjudningar…',
    confirmSend: 'Ska inbjudningarna skickas till gruppernas medlemmar?',
    alreadySent: 'Inbjudningarna skickades redan {when}; nu går bara ändringarna till dem de gäller.',
    invitationIn: 'Inbjudan ({language})',
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
    group: 'Group {number}',
    coordinator: 'Forming the groups',
    discussion: 'Discussion',
    leaders: '{count} leaders, {optedOut} opted out',
    seed: 'Draw key',
    seedHint: 'The same key forms the same groups. Change it for a new draw.',
    size: 'Group size',
    generate: 'Form groups',
    reform: 'Re-form unlocked groups',
    send: 'Send invitations…',
    confirmSend: 'Send the invitations to the members of the groups?',
    alreadySent: 'The invitations went out {when}; now only the changes go to those they concern.',
    invitationIn: 'Invitation ({language})',
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

/** Coordinators: form the groups of a discussion, lock and move members, send the invitations, see the answers. */
export function GroupFormationPanel() {
  const t = useMessages(messages);
  const api = useApi();
  const { language } = useLanguage();
  const { announce } = useSession();
  const styles = useGroupStyles();
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

  const [confirm, setConfirm] = useState<InvitationPreviewResponse>();
  const askToSend = (): void => {
    if (!selected) return;
    setProblem(undefined);
    api
      .get<InvitationPreviewResponse>(
        `/api/groups/discussions/${encodeURIComponent(selected)}/invitations/preview`,
        { lang: language },
      )
      .then(setConfirm)
      .catch((error: unknown) => setProblem(error instanceof Error ? error : new Error(String(error))));
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
        <Field label={t.seed} hint={t.seedHint}>
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
        <Button disabled={!current} onClick={askToSend}>
          {t.send}
        </Button>
      </div>
      {problem && <ErrorMessage error={problem} />}
      {confirm && (
        <ConfirmSendDialog
          open
          title={t.confirmSend}
          reach={confirm.reach}
          channelWanted={false}
          note={
            confirm.invitedAt
              ? format(t.alreadySent, { when: helsinkiText(confirm.invitedAt, language) })
              : undefined
          }
          previews={LANGUAGES.map((option) => ({
            label: format(t.invitationIn, { language: LANGUAGE_NAMES[option] }),
            card: confirm.cards[option],
          }))}
          onSend={async () => {
            await change('invitations', undefined, false);
            setConfirm(undefined);
          }}
          onClose={() => setConfirm(undefined)}
        />
      )}
      {summary?.invitedAt && <p>{format(t.sent, { when: helsinkiText(summary.invitedAt, language) })}</p>}
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
                    <DeliveryReport deliveryId={groupAnswers.deliveryId} compact hideWhenNone />
                  )}
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
