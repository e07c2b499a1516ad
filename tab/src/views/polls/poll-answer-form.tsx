import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { WishPollView } from '../../../../bot/src/polls/wish-poll-contracts';
import { ApiProblem } from '../../api';
import { defineMessages, format, useMessages } from '../../i18n';
import { useApi, useSession } from '../../session';

const messages = defineMessages({
  fi: {
    closes: 'Vastaa viimeistään {when}.',
    chooseOne: 'Valitse yksi aihe',
    chooseAtMost: 'Valitse enintään {max} aihetta',
    suggestion: 'Oma ehdotuksesi (vapaaehtoinen)',
    characters: '{count} / {max} merkkiä',
    send: 'Lähetä vastaus',
    change: 'Tallenna muutokset',
    undo: 'Peru muutokset',
    undone: 'Muutokset peruttiin. Tallennettu vastauksesi on ennallaan.',
    sending: 'Tallennetaan…',
    saved: 'Vastauksesi on tallennettu. Voit muuttaa sitä kyselyn sulkeutumiseen asti.',
    answered: 'Olet vastannut. Voit muuttaa vastaustasi.',
    anonymous: 'Vastaukset ovat nimettömiä: koordinaattorit näkevät vain määrät ja ehdotukset.',
    named: 'Koordinaattorit näkevät vastauksesi nimelläsi.',
    failed: 'Vastausta ei tallennettu. Yritä hetken kuluttua uudelleen.',
  },
  sv: {
    closes: 'Svara senast {when}.',
    chooseOne: 'Välj ett ämne',
    chooseAtMost: 'Välj högst {max} ämnen',
    suggestion: 'Ditt eget förslag (frivilligt)',
    characters: '{count} / {max} tecken',
    send: 'Skicka svaret',
    change: 'Spara ändringarna',
    undo: 'Ångra ändringarna',
    undone: 'Ändringarna har ångrats. Ditt sparade svar är oförändrat.',
    sending: 'Sparar…',
    saved: 'Ditt svar har sparats. Du kan ändra det tills enkäten stänger.',
    answered: 'Du har svarat. Du kan ändra ditt svar.',
    anonymous: 'Svaren är anonyma: koordinatorerna ser bara antal och förslag.',
    named: 'Koordinatorerna ser ditt svar med ditt namn.',
    failed: 'Svaret sparades inte. Försök igen om en stund.',
  },
  en: {
    closes: 'Please answer by {when}.',
    chooseOne: 'Choose one topic',
    chooseAtMost: 'Choose at most {max} topics',
    suggestion: 'Your own suggestion (optional)',
    characters: '{count} / {max} characters',
    send: 'Send answer',
    change: 'Save changes',
    undo: 'Undo changes',
    undone: 'Changes undone. Your saved answer is as it was.',
    sending: 'Saving…',
    saved: 'Your answer has been saved. You can change it until the poll closes.',
    answered: 'You have answered. You can change your answer.',
    anonymous: 'Answers are anonymous: coordinators see only counts and suggestions.',
    named: 'Coordinators see your answer with your name.',
    failed: 'Your answer was not saved. Please try again in a moment.',
  },
});

const useStyles = makeStyles({
  card: {
    marginBottom: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    // Shadows vanish in high contrast; this border is transparent elsewhere and drawn there.
    border: `1px solid ${tokens.colorTransparentStroke}`,
  },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  legend: { fontSize: tokens.fontSizeBase500, fontWeight: 600, marginBottom: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalXS} 0` },
  actions: {
    marginTop: tokens.spacingVerticalM,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
});

/** One open poll as a form, with the person's own answer filled in; saving replaces it. */
export function PollAnswerForm({
  poll,
  onSaved,
}: {
  readonly poll: WishPollView;
  readonly onSaved: (poll: WishPollView) => void;
}) {
  const styles = useStyles();
  const t = useMessages(messages);
  const api = useApi();
  const { announce } = useSession();
  const headingId = useId();
  const [chosen, setChosen] = useState<string[]>(poll.myAnswer?.topicIds ?? []);
  const [suggestion, setSuggestion] = useState(poll.myAnswer?.suggestion ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problem, setProblem] = useState<string>();
  const single = poll.selection.mode === 'single';
  const max = poll.selection.maxChoices;

  const saved = poll.myAnswer;
  // The change-answer form can be left without saving: back to the answer as it is stored.
  const changed =
    saved !== null &&
    (suggestion !== (saved.suggestion ?? '') ||
      chosen.length !== saved.topicIds.length ||
      chosen.some((topic) => !saved.topicIds.includes(topic)));
  const undo = (): void => {
    if (!saved) return;
    setChosen([...saved.topicIds]);
    setSuggestion(saved.suggestion ?? '');
    setProblem(undefined);
    setState('idle');
    announce(t.undone);
  };

  const toggle = (id: string, on: boolean): void =>
    setChosen((previous) => (on ? [...previous, id] : previous.filter((topic) => topic !== id)));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setState('saving');
    setProblem(undefined);
    api
      .post<WishPollView>(`/api/polls/${encodeURIComponent(poll.id)}/answer`, {
        topicIds: chosen,
        suggestion: suggestion.trim() === '' ? null : suggestion,
      })
      .then(({ data }) => {
        setState('saved');
        announce(t.saved);
        onSaved(data);
      })
      .catch((error: unknown) => {
        setState('idle');
        // The server explains refused answers (4xx) in the person's language; anything else is generic.
        const text =
          error instanceof ApiProblem && error.status < 500 && error.detail ? error.detail : t.failed;
        setProblem(text);
        announce(text);
      });
  };

  return (
    <form className={styles.card} onSubmit={submit} aria-labelledby={headingId}>
      <fieldset className={styles.fieldset}>
        <legend id={headingId} className={styles.legend}>
          {poll.question}
        </legend>
        <p className={styles.note}>{format(t.closes, { when: poll.closesAtText })}</p>
        <p className={styles.note}>{poll.anonymous ? t.anonymous : t.named}</p>
        {poll.myAnswer && state !== 'saved' && <p className={styles.note}>{t.answered}</p>}
        {single ? (
          <Field label={t.chooseOne}>
            <RadioGroup value={chosen[0] ?? ''} onChange={(_, option) => setChosen([option.value])}>
              {poll.topics.map((topic) => (
                <Radio key={topic.id} value={topic.id} label={topic.label} />
              ))}
            </RadioGroup>
          </Field>
        ) : (
          <Field label={format(t.chooseAtMost, { max })}>
            <div role="group">
              {poll.topics.map((topic) => (
                <Checkbox
                  key={topic.id}
                  label={topic.label}
                  checked={chosen.includes(topic.id)}
                  disabled={!chosen.includes(topic.id) && chosen.length >= max}
                  onChange={(_, data) => toggle(topic.id, data.checked === true)}
                />
              ))}
            </div>
          </Field>
        )}
        {poll.suggestionMaxLength !== null && (
          <Field
            label={t.suggestion}
            hint={format(t.characters, { count: [...suggestion].length, max: poll.suggestionMaxLength })}
          >
            <Textarea
              value={suggestion}
              maxLength={poll.suggestionMaxLength}
              onChange={(_, data) => setSuggestion(data.value)}
              resize="vertical"
            />
          </Field>
        )}
      </fieldset>
      {problem && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {state === 'saved' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t.saved}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={state === 'saving'}>
          {state === 'saving' ? t.sending : poll.myAnswer ? t.change : t.send}
        </Button>
        {changed && (
          <Button type="button" onClick={undo} disabled={state === 'saving'}>
            {t.undo}
          </Button>
        )}
      </div>
    </form>
  );
}
