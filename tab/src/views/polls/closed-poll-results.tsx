import { makeStyles, tokens } from '@fluentui/react-components';
import type { ClosedPollResultsView } from '../../../../bot/src/polls/wish-poll-contracts';
import { defineMessages, format, useMessages } from '../../i18n';

const messages = defineMessages({
  fi: {
    heading: 'Päättyneiden kyselyjen tulokset',
    closed: 'Kysely päättyi {when}. Vastaajia {count}.',
    share: '{count} valintaa ({percent} %)',
    mine: 'oma valintasi',
  },
  sv: {
    heading: 'Resultat av avslutade enkäter',
    closed: 'Enkäten stängdes {when}. Svarande: {count}.',
    share: '{count} val ({percent} %)',
    mine: 'ditt val',
  },
  en: {
    heading: 'Results of closed polls',
    closed: 'The poll closed {when}. Respondents: {count}.',
    share: '{count} choices ({percent} %)',
    mine: 'your choice',
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
  question: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase500, fontWeight: 600 },
  note: { margin: `0 0 ${tokens.spacingVerticalM}`, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  label: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  track: {
    height: '10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground4,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    overflow: 'hidden',
  },
  bar: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  mine: { fontWeight: tokens.fontWeightSemibold },
});

/** What participants see of a closed poll whose coordinators allowed it: the counts per topic. */
export function ClosedPollResults({ polls }: { readonly polls: readonly ClosedPollResultsView[] }) {
  const styles = useStyles();
  const t = useMessages(messages);
  if (polls.length === 0) return null;
  return (
    <section aria-labelledby="closed-polls-heading">
      <h2 id="closed-polls-heading" className={styles.question}>
        {t.heading}
      </h2>
      {polls.map((poll) => (
        <article key={poll.id} className={styles.card} aria-labelledby={`closed-${poll.id}`}>
          <h3 id={`closed-${poll.id}`} className={styles.question}>
            {poll.question}
          </h3>
          <p className={styles.note}>
            {format(t.closed, { when: poll.closedAtText, count: poll.respondents })}
          </p>
          <ul className={styles.list}>
            {[...poll.topics]
              .sort((a, b) => b.count - a.count)
              .map((topic) => {
                const mine = poll.myTopicIds.includes(topic.id);
                return (
                  <li key={topic.id}>
                    <div className={styles.label}>
                      <span className={mine ? styles.mine : undefined}>
                        {topic.label}
                        {mine ? ` (${t.mine})` : ''}
                      </span>
                      <span>
                        {format(t.share, { count: topic.count, percent: Math.round(topic.share * 100) })}
                      </span>
                    </div>
                    <div className={styles.track} aria-hidden="true">
                      <div className={styles.bar} style={{ width: `${Math.round(topic.share * 100)}%` }} />
                    </div>
                  </li>
                );
              })}
          </ul>
        </article>
      ))}
    </section>
  );
}
