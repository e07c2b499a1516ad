import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { WishPollAdminView } from '../../../../bot/src/polls/wish-poll-contracts';
import { ApiProblem } from '../../api';
import { DateTimeField, dateTimeProblem } from '../../components/date-time-field';
import { parseDateTime, type DateTimeText } from '../../helsinki-time';
import { defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { useApi, useSession } from '../../session';

const messages = defineMessages({
  fi: {
    heading: 'Uusi aihetoivekysely',
    questionFi: 'Kysymys suomeksi',
    questionSv: 'Kysymys ruotsiksi',
    questionEn: 'Kysymys englanniksi',
    topicsFi: 'Aiheet suomeksi, yksi riville',
    topicsSv: 'Aiheet ruotsiksi samassa järjestyksessä (vapaaehtoinen)',
    topicsEn: 'Aiheet englanniksi samassa järjestyksessä (vapaaehtoinen)',
    selection: 'Valinnat',
    single: 'Yksi aihe',
    multiple: 'Useita aiheita',
    maxChoices: 'Enintään näin monta aihetta',
    suggestions: 'Vastaajat voivat kirjoittaa oman ehdotuksen',
    suggestionMax: 'Ehdotuksen enimmäispituus (merkkiä)',
    opensAt: 'Avautuu (Suomen aikaa)',
    closesAt: 'Sulkeutuu (Suomen aikaa)',
    anonymous: 'Nimetön: koordinaattorit näkevät vain määrät ja ehdotukset',
    resultsVisible: 'Osallistujat näkevät tulokset kyselyn sulkeuduttua',
    remind: 'Muistuta vastaamattomia ennen kyselyn sulkeutumista',
    reminder: 'Kuinka monta tuntia ennen sulkeutumista',
    create: 'Luo kysely',
    created: 'Kysely luotu: {question}',
    tooFewTopics: 'Anna vähintään kaksi aihetta.',
    checkTimes: 'Tarkista avautumis- ja sulkeutumisaika.',
  },
  sv: {
    heading: 'Ny enkät om ämnesönskemål',
    questionFi: 'Frågan på finska',
    questionSv: 'Frågan på svenska',
    questionEn: 'Frågan på engelska',
    topicsFi: 'Ämnen på finska, ett per rad',
    topicsSv: 'Ämnen på svenska i samma ordning (frivilligt)',
    topicsEn: 'Ämnen på engelska i samma ordning (frivilligt)',
    selection: 'Val',
    single: 'Ett ämne',
    multiple: 'Flera ämnen',
    maxChoices: 'Högst så här många ämnen',
    suggestions: 'De svarande kan skriva ett eget förslag',
    suggestionMax: 'Förslagets högsta längd (tecken)',
    opensAt: 'Öppnar (finsk tid)',
    closesAt: 'Stänger (finsk tid)',
    anonymous: 'Anonym: koordinatorerna ser bara antal och förslag',
    resultsVisible: 'Deltagarna ser resultaten när enkäten har stängts',
    remind: 'Påminn dem som inte har svarat innan enkäten stänger',
    reminder: 'Hur många timmar före stängningen',
    create: 'Skapa enkät',
    created: 'Enkäten skapad: {question}',
    tooFewTopics: 'Ange minst två ämnen.',
    checkTimes: 'Kontrollera när enkäten öppnar och stänger.',
  },
  en: {
    heading: 'New topic wish poll',
    questionFi: 'Question in Finnish',
    questionSv: 'Question in Swedish',
    questionEn: 'Question in English',
    topicsFi: 'Topics in Finnish, one per line',
    topicsSv: 'Topics in Swedish in the same order (optional)',
    topicsEn: 'Topics in English in the same order (optional)',
    selection: 'Choices',
    single: 'One topic',
    multiple: 'Several topics',
    maxChoices: 'At most this many topics',
    suggestions: 'Respondents may write a suggestion of their own',
    suggestionMax: 'Longest suggestion (characters)',
    opensAt: 'Opens (Finnish time)',
    closesAt: 'Closes (Finnish time)',
    anonymous: 'Anonymous: coordinators see only counts and suggestions',
    resultsVisible: 'Participants see the results once the poll has closed',
    remind: 'Remind those who have not answered before the poll closes',
    reminder: 'How many hours before closing',
    create: 'Create poll',
    created: 'Poll created: {question}',
    tooFewTopics: 'Give at least two topics.',
    checkTimes: 'Check when the poll opens and closes.',
  },
});

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start' },
  narrow: { maxWidth: '320px' },
});

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A topic id from its Finnish label: `Talous- ja henkilöstöresurssit` → `talous-ja-henkilostoresurssit`. */
function topicId(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34) || 'aihe';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Coordinators: a new poll; times are Helsinki wall-clock times, which the API takes as such. */
export function CreatePollForm({ onCreated }: { readonly onCreated: (poll: WishPollAdminView) => void }) {
  const styles = useStyles();
  const t = useMessages(messages);
  const api = useApi();
  const { announce } = useSession();
  const [question, setQuestion] = useState({ fi: '', sv: '', en: '' });
  const [topics, setTopics] = useState({ fi: '', sv: '', en: '' });
  const [multiple, setMultiple] = useState(true);
  const [maxChoices, setMaxChoices] = useState('3');
  const [suggestions, setSuggestions] = useState(true);
  const [suggestionMax, setSuggestionMax] = useState('500');
  const [opensAt, setOpensAt] = useState<DateTimeText>({ date: '', time: '' });
  const [closesAt, setClosesAt] = useState<DateTimeText>({ date: '', time: '' });
  const [anonymous, setAnonymous] = useState(false);
  const [resultsVisible, setResultsVisible] = useState(true);
  const [remind, setRemind] = useState(true);
  const [reminderHours, setReminderHours] = useState('24');
  const [problem, setProblem] = useState<string>();
  const [showErrors, setShowErrors] = useState(false);
  const { language } = useLanguage();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const fi = lines(topics.fi);
    if (fi.length < 2) {
      setProblem(t.tooFewTopics);
      return;
    }
    if (dateTimeProblem(opensAt, true) || dateTimeProblem(closesAt, true)) {
      setShowErrors(true);
      setProblem(t.checkTimes);
      return;
    }
    const wall = (text: DateTimeText): string => {
      const parsed = parseDateTime(text);
      return 'value' in parsed ? (parsed.value ?? '') : '';
    };
    const sv = lines(topics.sv);
    const en = lines(topics.en);
    const taken = new Set<string>();
    const body = {
      question: {
        fi: question.fi,
        ...(question.sv.trim() ? { sv: question.sv } : {}),
        ...(question.en.trim() ? { en: question.en } : {}),
      },
      topics: fi.map((label, index) => ({
        id: topicId(label, taken),
        label: {
          fi: label,
          ...(sv[index] ? { sv: sv[index] } : {}),
          ...(en[index] ? { en: en[index] } : {}),
        },
      })),
      selection: multiple
        ? { mode: 'multiple', maxChoices: Number(maxChoices) || undefined }
        : { mode: 'single' },
      suggestionMaxLength: suggestions && Number(suggestionMax) > 0 ? Number(suggestionMax) : null,
      opensAt: wall(opensAt),
      closesAt: wall(closesAt),
      anonymous,
      resultsVisibleToParticipants: resultsVisible,
      reminderLeadMinutes:
        remind && Number(reminderHours) > 0 ? Math.round(Number(reminderHours) * 60) : null,
    };
    setProblem(undefined);
    api
      .post<WishPollAdminView>('/api/polls', body)
      .then(({ data }) => {
        announce(format(t.created, { question: data.question[language] ?? data.question.fi }));
        onCreated(data);
      })
      .catch((error: unknown) => {
        const text = error instanceof ApiProblem ? (error.detail ?? error.title) : String(error);
        setProblem(text);
        announce(text);
      });
  };

  return (
    <form className={styles.form} onSubmit={submit}>
      <Field label={t.questionFi} required>
        <Input value={question.fi} onChange={(_, d) => setQuestion({ ...question, fi: d.value })} required />
      </Field>
      <Field label={t.questionSv}>
        <Input value={question.sv} onChange={(_, d) => setQuestion({ ...question, sv: d.value })} />
      </Field>
      <Field label={t.questionEn}>
        <Input value={question.en} onChange={(_, d) => setQuestion({ ...question, en: d.value })} />
      </Field>
      <Field label={t.topicsFi} required>
        <Textarea value={topics.fi} onChange={(_, d) => setTopics({ ...topics, fi: d.value })} rows={6} />
      </Field>
      <Field label={t.topicsSv}>
        <Textarea value={topics.sv} onChange={(_, d) => setTopics({ ...topics, sv: d.value })} rows={4} />
      </Field>
      <Field label={t.topicsEn}>
        <Textarea value={topics.en} onChange={(_, d) => setTopics({ ...topics, en: d.value })} rows={4} />
      </Field>
      <Field label={t.selection}>
        <RadioGroup
          layout="horizontal"
          value={multiple ? 'multiple' : 'single'}
          onChange={(_, option) => setMultiple(option.value === 'multiple')}
        >
          <Radio value="single" label={t.single} />
          <Radio value="multiple" label={t.multiple} />
        </RadioGroup>
      </Field>
      {multiple && (
        <Field label={t.maxChoices} className={styles.narrow}>
          <Input type="number" min={1} value={maxChoices} onChange={(_, d) => setMaxChoices(d.value)} />
        </Field>
      )}
      <Checkbox
        label={t.suggestions}
        checked={suggestions}
        onChange={(_, d) => setSuggestions(d.checked === true)}
      />
      {suggestions && (
        <Field label={t.suggestionMax} className={styles.narrow}>
          <Input
            type="number"
            min={1}
            max={2000}
            value={suggestionMax}
            onChange={(_, d) => setSuggestionMax(d.value)}
          />
        </Field>
      )}
      <div className={styles.row}>
        <DateTimeField
          label={t.opensAt}
          required
          showErrors={showErrors}
          value={opensAt}
          onChange={setOpensAt}
        />
        <DateTimeField
          label={t.closesAt}
          required
          showErrors={showErrors}
          value={closesAt}
          onChange={setClosesAt}
        />
      </div>
      <Checkbox
        label={t.anonymous}
        checked={anonymous}
        onChange={(_, d) => setAnonymous(d.checked === true)}
      />
      <Checkbox
        label={t.resultsVisible}
        checked={resultsVisible}
        onChange={(_, d) => setResultsVisible(d.checked === true)}
      />
      <Checkbox label={t.remind} checked={remind} onChange={(_, d) => setRemind(d.checked === true)} />
      {remind && (
        <Field label={t.reminder} className={styles.narrow}>
          <Input type="number" min={1} value={reminderHours} onChange={(_, d) => setReminderHours(d.value)} />
        </Field>
      )}
      {problem && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      <div>
        <Button appearance="primary" type="submit">
          {t.create}
        </Button>
      </div>
    </form>
  );
}
