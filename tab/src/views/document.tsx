import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface DocumentSection {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly items?: readonly string[];
}

const useStyles = makeStyles({
  article: {
    maxWidth: '760px',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    // Shadows vanish in high contrast; this border is transparent elsewhere and drawn there.
    border: `1px solid ${tokens.colorTransparentStroke}`,
    lineHeight: tokens.lineHeightBase400,
    fontSize: tokens.fontSizeBase400,
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalM}`, fontSize: tokens.fontSizeBase600, fontWeight: 600 },
  intro: { marginTop: 0, color: tokens.colorNeutralForeground2 },
  sectionHeading: {
    margin: `${tokens.spacingVerticalXL} 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase500,
    fontWeight: 600,
  },
});

/** A short text page (privacy notice, terms): one heading, an introduction and sections. */
export function Document({
  heading,
  intro,
  sections,
  children,
}: {
  readonly heading: string;
  readonly intro: string;
  readonly sections: readonly DocumentSection[];
  /** Anything the page adds after its sections (the privacy page's own data section). */
  readonly children?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <article className={styles.article} aria-labelledby="document-heading">
      <h1 id="document-heading" className={styles.heading}>
        {heading}
      </h1>
      <p className={styles.intro}>{intro}</p>
      {sections.map((section) => (
        <section key={section.heading}>
          <h2 className={styles.sectionHeading}>{section.heading}</h2>
          {section.paragraphs?.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          {section.items && (
            <ul>
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {children}
    </article>
  );
}
