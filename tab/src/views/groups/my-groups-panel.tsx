import { Badge, Button, MessageBar, MessageBarBody, Switch } from '@fluentui/react-components';
import { useState } from 'react';
import type {
  MyGroupsResponse,
  MyMeetingView,
  RsvpAnswer,
  RsvpResult,
} from '../../../../bot/src/groups/peer-group-contracts';
import { ApiProblem } from '../../api';
import { ErrorMessage, Loading } from '../../components/status';
import { defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { runAction, useApi, useApiData, useSession } from '../../session';
import { useGroupStyles } from './styles';

const messages = defineMessages({
  fi: {
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
    answerAccepted: 'Olet ilmoittanut osallistuvasi',
    answerDeclined: 'Olet ilmoittanut, ettet pääse paikalle',
    answerNone: 'Et ole vielä vastannut',
    cancelled: 'Peruttu',
    changed: 'Kutsu on muuttunut. Tarkista tiedot ja vastaa uudelleen.',
    saved: 'Vastauksesi on tallennettu.',
    optOut: 'Jätän tämän kierroksen vertaisryhmät väliin',
    conflict: 'Joku muu muutti ryhmiä samaan aikaan. Näkymä päivitettiin; yritä uudelleen.',
    done: 'Tallennettu.',
  },
  sv: {
    myGroups: 'Mina grupper',
    noMeetings: 'Du har ännu ingen grupp. Inbjudan kommer i Teams när grupperna har bildats.',
    notLeader: 'Kamratgrupperna är för högsta ledningen.',
    group: 'Grupp {number}',
    members: 'Medlemmar',
    join: 'Anslut till Teams-mötet',
    addToCalendar: 'Lägg till i kalendern',
    agenda: 'Föredragningslista och förhandsuppgift',
    accept: 'Jag deltar',
    decline: 'Jag kan inte delta',
    answerAccepted: 'Du har meddelat att du deltar',
    answerDeclined: 'Du har meddelat att du inte kan delta',
    answerNone: 'Du har inte svarat än',
    cancelled: 'Inställt',
    changed: 'Inbjudan har ändrats. Kontrollera uppgifterna och svara på nytt.',
    saved: 'Ditt svar har sparats.',
    optOut: 'Jag avstår från kamratgrupperna denna omgång',
    conflict: 'Någon annan ändrade grupperna samtidigt. Vyn uppdaterades; försök igen.',
    done: 'Sparat.',
  },
  en: {
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
    answerAccepted: 'You have accepted',
    answerDeclined: 'You have declined',
    answerNone: 'You have not answered yet',
    cancelled: 'Cancelled',
    changed: 'The invitation has changed. Check it and answer again.',
    saved: 'Your answer has been saved.',
    optOut: 'Leave me out of the peer groups this round',
    conflict: 'Someone else changed the groups at the same time. The view was refreshed; try again.',
    done: 'Saved.',
  },
});

/** A participant's own group meetings: members, time, the answer and the links; the opt-out switch. */
export function MyGroupsPanel() {
  const t = useMessages(messages);
  const api = useApi();
  const { language } = useLanguage();
  const { announce } = useSession();
  const styles = useGroupStyles();
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
