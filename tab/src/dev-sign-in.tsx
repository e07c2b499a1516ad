import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { DevUser } from '../../bot/src/shared/contracts';
import { devIdentity, devTokenStore } from './api';
import { ErrorMessage } from './components/status';
import { shellMessages, useMessages } from './i18n';

const useStyles = makeStyles({
  card: {
    maxWidth: '560px',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    // Shadows vanish in high contrast; this border is transparent elsewhere and drawn there.
    border: `1px solid ${tokens.colorTransparentStroke}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', justifyContent: 'flex-start' },
  // A native select is as wide as its longest option (a name, a municipality and two roles); held
  // to the card's width it cuts the text instead of running over the edge.
  picker: {
    width: '100%',
    minWidth: 0,
    '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  },
});

/**
 * Outside Teams on a developer's machine: choose who to be. The token comes from the local
 * development identity provider and is validated by the server exactly like a Teams SSO token.
 */
export function DevSignIn({
  people,
  onSignedIn,
}: {
  readonly people: readonly DevUser[];
  readonly onSignedIn: () => void;
}) {
  const styles = useStyles();
  const t = useMessages(shellMessages);
  const [selected, setSelected] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const key = (person: DevUser): string => `${person.tenantId}/${person.aadObjectId}`;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const person = people.find((candidate) => key(candidate) === selected);
    if (!person) return;
    setBusy(true);
    devIdentity
      .token(person)
      .then((token) => {
        devTokenStore.write(token);
        onSignedIn();
      })
      .catch((reason: unknown) => {
        setBusy(false);
        setError(reason instanceof Error ? reason : new Error(String(reason)));
      });
  };

  const coordinators = people.filter((person) => person.kind === 'coordinator');
  const participants = people.filter((person) => person.kind === 'participant');
  const option = (person: DevUser) => (
    <option key={key(person)} value={key(person)}>
      {person.description ? `${person.name} (${person.description})` : person.name}
    </option>
  );

  return (
    <form className={styles.card} onSubmit={submit} aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" className={styles.heading}>
        {t.signInTitle}
      </h1>
      <p className={styles.intro}>{t.signInIntro}</p>
      <Field label={t.signInPerson} required>
        <Select className={styles.picker} value={selected} onChange={(_, data) => setSelected(data.value)}>
          <option value="" disabled>
            {t.signInChoose}
          </option>
          <optgroup label={t.coordinatorsGroup}>{coordinators.map(option)}</optgroup>
          <optgroup label={t.participantsGroup}>{participants.map(option)}</optgroup>
        </Select>
      </Field>
      {error && <ErrorMessage error={error} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={selected === '' || busy}>
          {t.signInButton}
        </Button>
      </div>
    </form>
  );
}
