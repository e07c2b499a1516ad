import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type {
  InstalledTeamView,
  NetworkTeamChoiceResponse,
  NetworkTeamState,
  NetworkTeamView,
} from '../../../../bot/src/delivery/network-team-contracts';
import { ApiProblem } from '../../api';
import { ErrorMessage, Loading } from '../../components/status';
import { helsinkiText } from '../../helsinki-time';
import { defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { useApi, useSession } from '../../session';
import { useTableStyles } from '../coordinator/styles';

const messages = defineMessages({
  fi: {
    heading: 'Verkoston tiimi',
    intro:
      'Kierroksen kanavaviestit (muistutukset, kyselyt) lähetetään vain verkoston tiimin kanavalle, eivät muihin tiimeihin, joihin sovellus on lisätty.',
    configured:
      'Kanavaviestit menevät tiimiin {team}. Tiimi on määritetty ylläpidon asetuksissa, joten sitä ei voi vaihtaa täällä.',
    chosen: 'Kanavaviestit menevät valittuun tiimiin {team}.',
    onlyTeam:
      'Sovellus on vain tiimissä {team}, joten kanavaviestit menevät sinne. Valitse tiimi, jos sovellus lisätään myöhemmin muihinkin tiimeihin.',
    nowhere: 'Kanavaviestit eivät mene minnekään',
    notInstalled:
      'Verkoston tiimiksi valitussa tiimissä ({team}) ei enää ole sovellusta. Lisää sovellus tiimiin tai valitse toinen tiimi.',
    notInstalledFixed:
      'Ylläpidon määrittämässä tiimissä ({team}) ei ole sovellusta. Lisää sovellus siihen tiimiin.',
    noTeam: 'Sovellusta ei ole lisätty yhteenkään tiimiin. Lisää sovellus verkoston tiimiin Teamsissa.',
    notChosen: 'Sovellus on lisätty useaan tiimiin, eikä verkoston tiimiä ole valittu. Valitse tiimi alta.',
    choice: 'Kanavaviestien tiimi',
    noChoice: 'Ei valintaa',
    noChoiceHint:
      'Ilman valintaa kanavaviestit menevät tiimiin vain, jos sovellus on lisätty yhteen tiimiin.',
    unnamed: 'Tiimi, jonka nimeä Teams ei ole vielä kertonut',
    foreign: 'Toisen organisaation tiimi (vuokraaja {tenant})',
    added: 'lisätty {when}',
    save: 'Tallenna valinta',
    saving: 'Tallennetaan…',
    saved: 'Verkoston tiimi tallennettu.',
    savedAndSent:
      'Verkoston tiimi tallennettu. {count} kanavaviestiä, joilla ei ollut tiimiä, lähetetään nyt sinne.',
    cleared: 'Valinta poistettu.',
    conflict: 'Joku muutti valintaa samaan aikaan. Näet nyt tuoreen tilanteen; valitse uudelleen.',
    refused: 'Valintaa ei tallennettu: {detail}',
  },
  sv: {
    heading: 'Nätverkets team',
    intro:
      'Omgångens kanalmeddelanden (påminnelser, enkäter) skickas bara till nätverksteamets kanal, inte till andra team där appen har lagts till.',
    configured:
      'Kanalmeddelandena går till teamet {team}. Teamet har fastställts i driftens inställningar och kan inte ändras här.',
    chosen: 'Kanalmeddelandena går till det valda teamet {team}.',
    onlyTeam:
      'Appen finns bara i teamet {team}, så kanalmeddelandena går dit. Välj ett team om appen senare läggs till i fler team.',
    nowhere: 'Kanalmeddelandena går ingenstans',
    notInstalled:
      'Teamet som valts som nätverkets team ({team}) har inte längre appen. Lägg till appen i teamet eller välj ett annat team.',
    notInstalledFixed:
      'Teamet som driften har fastställt ({team}) har inte appen. Lägg till appen i det teamet.',
    noTeam: 'Appen har inte lagts till i något team. Lägg till appen i nätverkets team i Teams.',
    notChosen: 'Appen har lagts till i flera team och nätverkets team har inte valts. Välj teamet nedan.',
    choice: 'Team för kanalmeddelanden',
    noChoice: 'Inget val',
    noChoiceHint:
      'Utan val går kanalmeddelandena till ett team bara om appen har lagts till i ett enda team.',
    unnamed: 'Ett team vars namn Teams inte har meddelat ännu',
    foreign: 'En annan organisations team (klientorganisation {tenant})',
    added: 'tillagd {when}',
    save: 'Spara valet',
    saving: 'Sparar…',
    saved: 'Nätverkets team har sparats.',
    savedAndSent: 'Nätverkets team har sparats. {count} kanalmeddelanden som saknade team skickas nu dit.',
    cleared: 'Valet har tagits bort.',
    conflict: 'Någon ändrade valet samtidigt. Du ser nu det aktuella läget; välj igen.',
    refused: 'Valet sparades inte: {detail}',
  },
  en: {
    heading: "The network's team",
    intro:
      "The round's channel posts (reminders, polls) go to the network team's channel only, never to other teams the app has been added to.",
    configured:
      "Channel posts go to the team {team}. The team is fixed in the service's settings and cannot be changed here.",
    chosen: 'Channel posts go to the chosen team {team}.',
    onlyTeam:
      'The app is only in the team {team}, so channel posts go there. Choose a team if the app is later added to other teams too.',
    nowhere: 'Channel posts cannot go anywhere',
    notInstalled:
      "The team chosen as the network's team ({team}) no longer has the app. Add the app to it, or choose another team.",
    notInstalledFixed:
      "The team fixed in the service's settings ({team}) does not have the app. Add the app to that team.",
    noTeam: "The app has not been added to any team. Add the app to the network's team in Teams.",
    notChosen:
      "The app has been added to several teams and the network's team has not been chosen. Choose it below.",
    choice: 'Team for channel posts',
    noChoice: 'No choice',
    noChoiceHint:
      'Without a choice, channel posts go to a team only if the app has been added to just one team.',
    unnamed: 'A team whose name Teams has not sent yet',
    foreign: "Another organisation's team (tenant {tenant})",
    added: 'added {when}',
    save: 'Save the choice',
    saving: 'Saving…',
    saved: "The network's team was saved.",
    savedAndSent: "The network's team was saved. {count} channel posts that had no team are now sent there.",
    cleared: 'The choice was removed.',
    conflict: 'Someone changed the choice at the same time. You now see the current state; choose again.',
    refused: 'The choice was not saved: {detail}',
  },
});

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalM,
  },
  notice: { marginTop: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** The empty value of the radio group: no choice stored. */
const NONE = '';

/**
 * Coordinators: where the round's channel posts go (the network's team), a clear warning when
 * they cannot go anywhere, and the choice among the teams the app is installed in.
 */
export function NetworkTeamPanel({ roundId }: { readonly roundId: string }) {
  const styles = useTableStyles();
  const own = useStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const path = `/api/rounds/${encodeURIComponent(roundId)}/network-team`;
  const [team, setTeam] = useState<NetworkTeamView>();
  const [etag, setEtag] = useState<string | null>(null);
  const [selected, setSelected] = useState(NONE);
  const [loadError, setLoadError] = useState<Error>();
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'warning'; text: string }>();

  useEffect(() => {
    let current = true;
    api
      .getVersioned<NetworkTeamView>(path)
      .then((response) => {
        if (!current) return;
        setTeam(response.data);
        setEtag(response.etag);
        setSelected(response.data.chosenTeamId ?? NONE);
        setLoadError(undefined);
      })
      .catch((reason: unknown) => {
        if (current) setLoadError(reason instanceof Error ? reason : new Error(String(reason)));
      });
    return () => {
      current = false;
    };
  }, [api, path, language, generation]);

  const save = (): void => {
    setBusy(true);
    setNotice(undefined);
    const teamId = selected === NONE ? null : selected;
    api
      .put<NetworkTeamChoiceResponse>(path, { teamId }, etag ? { ifMatch: etag } : {})
      .then(({ data, etag: next }) => {
        setTeam(data.team);
        setEtag(next);
        setSelected(data.team.chosenTeamId ?? NONE);
        const text =
          teamId === null
            ? t.cleared
            : data.sentAgain > 0
              ? format(t.savedAndSent, { count: data.sentAgain })
              : t.saved;
        setNotice({ intent: 'success', text });
        announce(text);
      })
      .catch((reason: unknown) => {
        const text =
          reason instanceof ApiProblem && reason.status === 412
            ? t.conflict
            : format(t.refused, {
                detail: reason instanceof ApiProblem && reason.detail ? reason.detail : String(reason),
              });
        setNotice({ intent: 'warning', text });
        announce(text);
        if (reason instanceof ApiProblem && reason.status === 412) setGeneration((value) => value + 1);
      })
      .finally(() => setBusy(false));
  };

  const name = (entry: InstalledTeamView | undefined, teamId: string | null): string =>
    entry?.name ??
    (entry && !entry.ownOrganisation ? format(t.foreign, { tenant: entry.tenantId }) : null) ??
    teamId ??
    '';

  return (
    <section className={styles.section} aria-labelledby="network-team-heading" data-network-team>
      <h2 id="network-team-heading" className={styles.sectionHeading}>
        {t.heading}
      </h2>
      <p className={styles.intro}>{t.intro}</p>
      {loadError && <ErrorMessage error={loadError} onRetry={() => setGeneration((value) => value + 1)} />}
      {!team && !loadError && <Loading />}
      {team && (
        <>
          <TeamState
            team={team}
            name={(teamId) =>
              name(
                team.teams.find((entry) => entry.teamId === teamId),
                teamId,
              )
            }
          />
          {team.teams.length > 0 && !team.fixed && (
            <div className={own.form}>
              <Field label={t.choice} hint={t.noChoiceHint}>
                <RadioGroup
                  value={selected}
                  disabled={busy}
                  onChange={(_event, data) => setSelected(data.value)}
                >
                  {team.teams.map((entry) => (
                    <Radio
                      key={entry.teamId}
                      value={entry.teamId}
                      label={`${name(entry, entry.teamId)}, ${format(t.added, { when: helsinkiText(entry.installedAt, language) })}`}
                    />
                  ))}
                  <Radio value={NONE} label={t.noChoice} />
                </RadioGroup>
              </Field>
              <div className={own.actions}>
                <Button
                  appearance="primary"
                  onClick={save}
                  disabled={busy || selected === (team.chosenTeamId ?? NONE)}
                >
                  {busy ? t.saving : t.save}
                </Button>
              </div>
            </div>
          )}
          {notice && (
            <MessageBar className={own.notice} intent={notice.intent} role="status">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}

/** Where posts go now; a warning (announced) when they cannot go anywhere. */
function TeamState({
  team,
  name,
}: {
  readonly team: NetworkTeamView;
  readonly name: (teamId: string | null) => string;
}) {
  const t = useMessages(messages);
  const text: Record<NetworkTeamState, string> = {
    configured: format(t.configured, { team: name(team.teamId) }),
    chosen: format(t.chosen, { team: name(team.teamId) }),
    onlyTeam: format(t.onlyTeam, { team: name(team.teamId) }),
    notInstalled: format(team.fixed ? t.notInstalledFixed : t.notInstalled, { team: team.teamId ?? '' }),
    noTeam: t.noTeam,
    notChosen: t.notChosen,
  };
  if (team.canPost) {
    return (
      <MessageBar intent="success" layout="multiline" data-network-team-state={team.state}>
        <MessageBarBody>{text[team.state]}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div role="alert" data-network-team-state={team.state}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.nowhere}</MessageBarTitle>
          {text[team.state]}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
