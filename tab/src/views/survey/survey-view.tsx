import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { MunicipalityView, PagedResponse, ParticipantView } from '../../../../bot/src/shared/contracts';
import type {
  MySurveysResponse,
  SurveyAdminView,
  SurveyListResponse,
} from '../../../../bot/src/survey/survey-contracts';
import { ApiProblem } from '../../api';
import { ErrorMessage, Loading } from '../../components/status';
import { defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { useApi, useApiData, useMe, useSession } from '../../session';
import { useTableStyles } from '../coordinator/styles';
import type { TabViewProps } from '../registry';
import { SurveyResultsPanel } from './survey-results-panel';

const messages = defineMessages({
  fi: {
    heading: 'Henkilöstön digitalisaatiokysely',
    intro:
      'Kunnan henkilöstö ja luottamushenkilöt arvioivat digitalisaation tilaa nimettömästi. Tulokset ovat kunnan lähtötaso, ja niitä verrataan verkoston muihin kuntiin.',
    manage: 'Kuntien kyselyt',
    municipality: 'Kunta',
    kind: 'Vaihe',
    baseline: 'Lähtötaso',
    followUp: 'Seuranta',
    status: 'Tila',
    scheduled: 'Tulossa',
    open: 'Auki',
    closed: 'Päättynyt',
    responses: 'Vastanneet',
    closes: 'Sulkeutuu',
    show: 'Avaa',
    hide: 'Sulje näkymä',
    create: 'Uusi kysely',
    cancel: 'Peruuta',
    opensAt: 'Avautuu (Suomen aikaa)',
    closesAt: 'Sulkeutuu (Suomen aikaa)',
    headcount: 'Kohderyhmän koko (henkilöstö ja luottamushenkilöt)',
    requireCode: 'Vastaaminen vaatii kertakäyttöisen koodin',
    save: 'Luo kysely',
    created: 'Kysely luotu: {municipality}',
    share: 'Vastauslinkki',
    qr: 'QR-koodi vastauslinkkiin',
    qrPng: 'QR-koodi (PNG)',
    qrSvg: 'QR-koodi (SVG)',
    openNow: 'Avaa kysely nyt',
    closeNow: 'Sulje kysely nyt',
    confirmClose: 'Suljetaanko kysely nyt? Vastauksia ei sen jälkeen oteta vastaan.',
    changed: 'Tallennettu.',
    saveHeadcount: 'Tallenna koko',
    contacts: 'Yhteyshenkilöt',
    contactsDefault: 'Ei nimettyjä: kunnan johtoryhmän osallistujat saavat kortit.',
    saveContacts: 'Tallenna yhteyshenkilöt',
    codes: 'Kertakäyttöiset koodit',
    codeCount: 'Montako koodia',
    makeCodes: 'Luo koodit (CSV)',
    codesMade: 'Koodit ladattu. Niitä ei voi näyttää uudelleen.',
    network: 'Kunnat rinnakkain',
    mine: 'Oman kuntasi kysely',
    none: 'Kunnallasi ei ole tällä kierroksella kyselyä.',
    noResults: 'Tulokset näkevät kunnan johtoryhmä ja yhteyshenkilöt.',
  },
  sv: {
    heading: 'Personalens digitaliseringsenkät',
    intro:
      'Kommunens personal och förtroendevalda bedömer digitaliseringen anonymt. Resultaten är kommunens utgångsläge och jämförs med nätverkets andra kommuner.',
    manage: 'Kommunernas enkäter',
    municipality: 'Kommun',
    kind: 'Skede',
    baseline: 'Utgångsläge',
    followUp: 'Uppföljning',
    status: 'Status',
    scheduled: 'Kommande',
    open: 'Öppen',
    closed: 'Stängd',
    responses: 'Svarande',
    closes: 'Stänger',
    show: 'Öppna',
    hide: 'Stäng vyn',
    create: 'Ny enkät',
    cancel: 'Avbryt',
    opensAt: 'Öppnar (finsk tid)',
    closesAt: 'Stänger (finsk tid)',
    headcount: 'Målgruppens storlek (personal och förtroendevalda)',
    requireCode: 'Svaren kräver en engångskod',
    save: 'Skapa enkät',
    created: 'Enkäten har skapats: {municipality}',
    share: 'Svarslänk',
    qr: 'QR-kod till svarslänken',
    qrPng: 'QR-kod (PNG)',
    qrSvg: 'QR-kod (SVG)',
    openNow: 'Öppna enkäten nu',
    closeNow: 'Stäng enkäten nu',
    confirmClose: 'Stänga enkäten nu? Därefter tas inga svar emot.',
    changed: 'Sparat.',
    saveHeadcount: 'Spara storleken',
    contacts: 'Kontaktpersoner',
    contactsDefault: 'Inga utsedda: kommunens ledningsgrupp får korten.',
    saveContacts: 'Spara kontaktpersonerna',
    codes: 'Engångskoder',
    codeCount: 'Hur många koder',
    makeCodes: 'Skapa koder (CSV)',
    codesMade: 'Koderna har laddats ner. De kan inte visas igen.',
    network: 'Kommunerna sida vid sida',
    mine: 'Din kommuns enkät',
    none: 'Din kommun har ingen enkät i den här omgången.',
    noResults: 'Resultaten ser kommunens ledningsgrupp och kontaktpersoner.',
  },
  en: {
    heading: 'Staff digitalisation survey',
    intro:
      "The municipality's staff and elected officials rate digitalisation anonymously. The results are the municipality's baseline and are compared with the network's other municipalities.",
    manage: "Municipalities' surveys",
    municipality: 'Municipality',
    kind: 'Stage',
    baseline: 'Baseline',
    followUp: 'Follow-up',
    status: 'Status',
    scheduled: 'Scheduled',
    open: 'Open',
    closed: 'Closed',
    responses: 'Answered',
    closes: 'Closes',
    show: 'Open',
    hide: 'Close view',
    create: 'New survey',
    cancel: 'Cancel',
    opensAt: 'Opens (Finnish time)',
    closesAt: 'Closes (Finnish time)',
    headcount: 'Size of the group asked (staff and elected officials)',
    requireCode: 'Answering needs a one-time code',
    save: 'Create survey',
    created: 'Survey created: {municipality}',
    share: 'Answer link',
    qr: 'QR code of the answer link',
    qrPng: 'QR code (PNG)',
    qrSvg: 'QR code (SVG)',
    openNow: 'Open the survey now',
    closeNow: 'Close the survey now',
    confirmClose: 'Close the survey now? No answers are taken after that.',
    changed: 'Saved.',
    saveHeadcount: 'Save size',
    contacts: 'Contact people',
    contactsDefault: "None named: the municipality's leadership-team participants get the cards.",
    saveContacts: 'Save contact people',
    codes: 'One-time codes',
    codeCount: 'How many codes',
    makeCodes: 'Create codes (CSV)',
    codesMade: 'Codes downloaded. They cannot be shown again.',
    network: 'Municipalities side by side',
    mine: "Your municipality's survey",
    none: 'Your municipality has no survey in this round.',
    noResults: "The results are for the municipality's leadership team and contact people.",
  },
});

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '520px',
    margin: `${tokens.spacingVerticalM} 0`,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    margin: `${tokens.spacingVerticalM} 0`,
  },
  qr: { width: '160px', height: '160px', border: `1px solid ${tokens.colorNeutralStroke1}` },
  link: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  detail: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    marginTop: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalL,
  },
});

function useStatusNames(): Record<SurveyAdminView['status'], string> {
  const t = useMessages(messages);
  return { scheduled: t.scheduled, open: t.open, closed: t.closed };
}

/** Coordinators manage every municipality's survey; a municipality's leadership sees its own results (`#/survey/<id>` opens one). */
export default function SurveyView({ path }: TabViewProps) {
  const table = useTableStyles();
  const t = useMessages(messages);
  const me = useMe();
  return (
    <section aria-labelledby="survey-heading">
      <h1 id="survey-heading" className={table.heading}>
        {t.heading}
      </h1>
      <p className={table.intro}>{t.intro}</p>
      {me.isCoordinator ? <ManageSurveys initial={path[0]} /> : <MySurveys />}
    </section>
  );
}

function MySurveys() {
  const table = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const mine = useApiData(
    () => api.get<MySurveysResponse>('/api/survey/mine', { lang: language }),
    [api, language],
  );
  const status = useStatusNames();
  return (
    <section className={table.section} aria-labelledby="my-survey-heading">
      <h2 id="my-survey-heading" className={table.sectionHeading}>
        {t.mine}
      </h2>
      {mine.status === 'error' && <ErrorMessage error={mine.error} onRetry={mine.reload} />}
      {mine.status === 'loading' && !mine.data && <Loading />}
      {mine.data?.items.length === 0 && <p>{t.none}</p>}
      {mine.data?.items.map(({ survey, canSeeResults }) => (
        <div key={survey.id}>
          <p>
            <strong>{survey.municipalityName}</strong> ·{' '}
            {survey.kind === 'baseline' ? t.baseline : t.followUp} · {status[survey.status]} ·{' '}
            {survey.responseText} · {t.closes} {survey.closesAtText}
          </p>
          <p>
            {t.share}: <a href={survey.shareUrl}>{survey.shareUrl}</a>
          </p>
          {canSeeResults ? <SurveyResultsPanel surveyId={survey.id} /> : <p>{t.noResults}</p>}
        </div>
      ))}
    </section>
  );
}

function ManageSurveys({ initial }: { readonly initial: string | undefined }) {
  const table = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const status = useStatusNames();
  const surveys = useApiData(
    () => api.get<SurveyListResponse>('/api/survey/surveys', { lang: language }),
    [api, language],
  );
  const [selected, setSelected] = useState<string | undefined>(initial);
  const [creating, setCreating] = useState(false);

  return (
    <section className={table.section} aria-labelledby="manage-surveys-heading">
      <h2 id="manage-surveys-heading" className={table.sectionHeading}>
        {t.manage}
      </h2>
      <Button onClick={() => setCreating((value) => !value)} aria-expanded={creating}>
        {creating ? t.cancel : t.create}
      </Button>
      {creating && (
        <CreateSurveyForm
          onCreated={(survey) => {
            setCreating(false);
            setSelected(survey.id);
            surveys.reload();
          }}
        />
      )}
      {surveys.status === 'error' && <ErrorMessage error={surveys.error} onRetry={surveys.reload} />}
      {surveys.status === 'loading' && !surveys.data && <Loading />}
      {surveys.data && (
        <div className={table.scroll} tabIndex={0} role="region" aria-label={t.manage}>
          <table className={table.table}>
            <thead>
              <tr>
                <th scope="col">{t.municipality}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.responses}</th>
                <th scope="col">{t.closes}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.show}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {surveys.data.items.map((survey) => (
                <tr key={survey.id}>
                  <th scope="row">{survey.municipalityName}</th>
                  <td>{survey.kind === 'baseline' ? t.baseline : t.followUp}</td>
                  <td>{status[survey.status]}</td>
                  <td>{survey.responseText}</td>
                  <td>{survey.closesAtText}</td>
                  <td>
                    <Button
                      aria-expanded={selected === survey.id}
                      aria-label={`${selected === survey.id ? t.hide : t.show}: ${survey.municipalityName}`}
                      onClick={() => setSelected(selected === survey.id ? undefined : survey.id)}
                    >
                      {selected === survey.id ? t.hide : t.show}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {surveys.data?.items
        .filter((survey) => survey.id === selected)
        .map((survey) => (
          <SurveyDetail key={survey.id} survey={survey} onChanged={surveys.reload} />
        ))}
    </section>
  );
}

function CreateSurveyForm({ onCreated }: { readonly onCreated: (survey: SurveyAdminView) => void }) {
  const styles = useStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const municipalities = useApiData(
    () => api.get<PagedResponse<MunicipalityView>>('/api/municipalities', { lang: language }),
    [api, language],
  );
  const [municipalityId, setMunicipalityId] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [headcount, setHeadcount] = useState('');
  const [requireCode, setRequireCode] = useState(false);
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setError(undefined);
    api
      .post<SurveyAdminView>('/api/survey/surveys', {
        municipalityId,
        opensAt,
        closesAt,
        headcount: headcount === '' ? null : Number(headcount),
        requireCode,
      })
      .then(({ data }) => {
        announce(format(t.created, { municipality: data.municipalityName }));
        onCreated(data);
      })
      .catch((failure: unknown) =>
        setError(failure instanceof ApiProblem ? (failure.detail ?? failure.title) : String(failure)),
      );
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={t.create}>
      <Field label={t.municipality} required>
        <Select value={municipalityId} onChange={(_event, data) => setMunicipalityId(data.value)}>
          <option value="" />
          {municipalities.data?.items.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.opensAt} required>
        <Input type="datetime-local" value={opensAt} onChange={(_event, data) => setOpensAt(data.value)} />
      </Field>
      <Field label={t.closesAt} required>
        <Input type="datetime-local" value={closesAt} onChange={(_event, data) => setClosesAt(data.value)} />
      </Field>
      <Field label={t.headcount}>
        <Input
          type="number"
          min={1}
          value={headcount}
          onChange={(_event, data) => setHeadcount(data.value)}
        />
      </Field>
      <Checkbox
        label={t.requireCode}
        checked={requireCode}
        onChange={(_event, data) => setRequireCode(data.checked === true)}
      />
      {error && <p role="alert">{error}</p>}
      <div>
        <Button appearance="primary" type="submit">
          {t.save}
        </Button>
      </div>
    </form>
  );
}

function SurveyDetail({
  survey,
  onChanged,
}: {
  readonly survey: SurveyAdminView;
  readonly onChanged: () => void;
}) {
  const styles = useStyles();
  const table = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const [notice, setNotice] = useState<string>();
  const [headcount, setHeadcount] = useState(survey.headcount === null ? '' : String(survey.headcount));
  const [codeCount, setCodeCount] = useState('100');
  // The roster is paged (a hundred at a time); a network of a few hundred is a handful of pages.
  const people = useApiData(async () => {
    const items: ParticipantView[] = [];
    let continuationToken: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const response: PagedResponse<ParticipantView> = await api.get<PagedResponse<ParticipantView>>(
        '/api/participants',
        { pageSize: 100, lang: language, continuationToken },
      );
      items.push(...response.items);
      continuationToken = response.continuationToken;
      if (!continuationToken) break;
    }
    return { items };
  }, [api, language]);
  const [contacts, setContacts] = useState<ReadonlySet<string>>(
    new Set(survey.contactsAreDefault ? [] : survey.contacts.map((c) => c.aadObjectId)),
  );
  const say = (text: string): void => {
    setNotice(text);
    announce(text);
  };
  const fail = (error: unknown): void =>
    say(error instanceof ApiProblem ? (error.detail ?? error.title) : String(error));
  const base = `/api/survey/surveys/${encodeURIComponent(survey.id)}`;

  const act = (action: 'open' | 'close'): void => {
    if (action === 'close' && !window.confirm(t.confirmClose)) return;
    api
      .post(`${base}/${action}`, {})
      .then(() => {
        say(t.changed);
        onChanged();
      })
      .catch(fail);
  };
  const saveHeadcount = (): void => {
    api
      .getVersioned<SurveyAdminView>(base)
      .then(({ etag }) =>
        api.request('PATCH', base, {
          body: { headcount: headcount === '' ? null : Number(headcount) },
          ...(etag ? { ifMatch: etag } : {}),
        }),
      )
      .then(() => {
        say(t.changed);
        onChanged();
      })
      .catch(fail);
  };
  const municipalityPeople = (people.data?.items ?? []).filter(
    (p) => p.municipalityId === survey.municipalityId,
  );
  const saveContacts = (): void => {
    api
      .put(`${base}/contacts`, {
        contacts: municipalityPeople
          .filter((p) => contacts.has(p.aadObjectId))
          .map((p) => ({ tenantId: p.tenantId, aadObjectId: p.aadObjectId })),
      })
      .then(() => {
        say(t.changed);
        onChanged();
      })
      .catch(fail);
  };
  const makeCodes = (): void => {
    api
      .postBlob(`${base}/codes`, { count: Number(codeCount) }, { lang: language })
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = `codes-${survey.code}.csv`;
        link.click();
        URL.revokeObjectURL(url);
        say(t.codesMade);
      })
      .catch(fail);
  };

  return (
    <div className={styles.detail}>
      <h3 className={table.sectionHeading}>
        {survey.municipalityName} · {survey.responseText}
      </h3>
      <p>
        {t.share}:{' '}
        <a className={styles.link} href={survey.shareUrl}>
          {survey.shareUrl}
        </a>
      </p>
      <div className={styles.row}>
        {/* Same-origin paths: the tab and the answer page are served by the same server. */}
        <img className={styles.qr} src={`/s/${survey.code}/qr.svg`} alt={t.qr} />
        <a href={`/s/${survey.code}/qr.png`} download>
          {t.qrPng}
        </a>
        <a href={`/s/${survey.code}/qr.svg`} download>
          {t.qrSvg}
        </a>
      </div>
      <div className={styles.row}>
        {survey.status === 'scheduled' && <Button onClick={() => act('open')}>{t.openNow}</Button>}
        {survey.status === 'open' && <Button onClick={() => act('close')}>{t.closeNow}</Button>}
        <Field label={t.headcount}>
          <Input
            type="number"
            min={1}
            value={headcount}
            onChange={(_event, data) => setHeadcount(data.value)}
          />
        </Field>
        <Button onClick={saveHeadcount}>{t.saveHeadcount}</Button>
      </div>
      <fieldset>
        <legend>{t.contacts}</legend>
        {survey.contactsAreDefault && <p>{t.contactsDefault}</p>}
        {municipalityPeople.map((p) => (
          <Checkbox
            key={p.aadObjectId}
            label={`${p.name}${p.roles.length > 0 ? ` (${p.roles.map((r) => r.name).join(', ')})` : ''}`}
            checked={contacts.has(p.aadObjectId)}
            onChange={(_event, data) => {
              const next = new Set(contacts);
              if (data.checked === true) next.add(p.aadObjectId);
              else next.delete(p.aadObjectId);
              setContacts(next);
            }}
          />
        ))}
        <div>
          <Button onClick={saveContacts}>{t.saveContacts}</Button>
        </div>
      </fieldset>
      {survey.requireCode && (
        <div className={styles.row}>
          <Field label={t.codeCount}>
            <Input
              type="number"
              min={1}
              max={5000}
              value={codeCount}
              onChange={(_event, data) => setCodeCount(data.value)}
            />
          </Field>
          <Button onClick={makeCodes}>{t.makeCodes}</Button>
        </div>
      )}
      {notice && <p role="status">{notice}</p>}
      <SurveyResultsPanel surveyId={survey.id} />
    </div>
  );
}
