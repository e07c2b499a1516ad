import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { defineMessages, useMessages } from '../i18n';

const messages = defineMessages({
  fi: {
    preview: 'Esikatselu: näin viesti näkyy Teamsissa',
    loading: 'Kortti ladataan…',
    failed: 'Korttia ei voitu näyttää.',
  },
  sv: {
    preview: 'Förhandsvisning: så här ser meddelandet ut i Teams',
    loading: 'Kortet laddas…',
    failed: 'Kortet kunde inte visas.',
  },
  en: {
    preview: 'Preview: how the message looks in Teams',
    loading: 'Loading the card…',
    failed: 'The card could not be shown.',
  },
});

const useStyles = makeStyles({
  frame: {
    margin: 0,
    maxWidth: '520px',
    boxSizing: 'border-box',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    overflow: 'hidden',
    '& .ac-adaptiveCard': { outline: 'none' },
    '& p': { margin: 0 },
    '& a': { color: tokens.colorBrandForegroundLink },
    // Teams draws card buttons as outlined Fluent buttons in one row.
    '& .ac-pushButton': {
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      minHeight: '32px',
      padding: `0 ${tokens.spacingHorizontalM}`,
      borderRadius: tokens.borderRadiusMedium,
      border: `1px solid ${tokens.colorNeutralStroke1}`,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      cursor: 'default',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    },
    '& .ac-pushButton.style-destructive': { color: tokens.colorPaletteRedForeground1 },
    '& .ac-pushButton.style-positive': {
      backgroundColor: tokens.colorBrandBackground,
      color: tokens.colorNeutralForegroundOnBrand,
      border: `1px solid ${tokens.colorBrandBackground}`,
    },
    '& .ac-input': {
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      borderRadius: tokens.borderRadiusMedium,
    },
    '& .ac-textInput, & .ac-multichoiceInput': {
      border: `1px solid ${tokens.colorNeutralStroke1}`,
      padding: tokens.spacingHorizontalS,
      boxSizing: 'border-box',
      width: '100%',
    },
    '& input[type="checkbox"], & input[type="radio"]': { accentColor: tokens.colorBrandBackground },
  },
  status: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

/**
 * The host settings of Teams' card renderer, with the colours taken from the tab's Fluent theme
 * (CSS variables), so the preview follows light, dark and high contrast as Teams itself does.
 */
const HOST_CONFIG = {
  fontFamily: 'var(--fontFamilyBase)',
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: 'var(--colorNeutralStroke2)' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: false },
  factSet: {
    title: { weight: 'bolder', size: 'default', color: 'default', wrap: true, maxWidth: 150 },
    value: { color: 'default', wrap: true },
    spacing: 12,
  },
  containerStyles: {
    default: {
      backgroundColor: 'var(--colorNeutralBackground1)',
      foregroundColors: {
        default: { default: 'var(--colorNeutralForeground1)', subtle: 'var(--colorNeutralForeground2)' },
        accent: { default: 'var(--colorBrandForeground1)', subtle: 'var(--colorBrandForeground2)' },
        good: {
          default: 'var(--colorPaletteGreenForeground1)',
          subtle: 'var(--colorPaletteGreenForeground1)',
        },
        warning: {
          default: 'var(--colorPaletteDarkOrangeForeground1)',
          subtle: 'var(--colorPaletteDarkOrangeForeground1)',
        },
        attention: {
          default: 'var(--colorPaletteRedForeground1)',
          subtle: 'var(--colorPaletteRedForeground1)',
        },
        dark: { default: 'var(--colorNeutralForeground1)', subtle: 'var(--colorNeutralForeground2)' },
        light: { default: 'var(--colorNeutralForeground2)', subtle: 'var(--colorNeutralForeground3)' },
      },
    },
    emphasis: {
      backgroundColor: 'var(--colorNeutralBackground3)',
      foregroundColors: {
        default: { default: 'var(--colorNeutralForeground1)', subtle: 'var(--colorNeutralForeground2)' },
        accent: { default: 'var(--colorBrandForeground1)', subtle: 'var(--colorBrandForeground2)' },
        good: {
          default: 'var(--colorPaletteGreenForeground1)',
          subtle: 'var(--colorPaletteGreenForeground1)',
        },
        warning: {
          default: 'var(--colorPaletteDarkOrangeForeground1)',
          subtle: 'var(--colorPaletteDarkOrangeForeground1)',
        },
        attention: {
          default: 'var(--colorPaletteRedForeground1)',
          subtle: 'var(--colorPaletteRedForeground1)',
        },
        dark: { default: 'var(--colorNeutralForeground1)', subtle: 'var(--colorNeutralForeground2)' },
        light: { default: 'var(--colorNeutralForeground2)', subtle: 'var(--colorNeutralForeground3)' },
      },
    },
  },
};

/** The little Markdown Teams renders in card text: bold, italics, links, line breaks; HTML escaped first. */
export function cardMarkdown(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return escaped
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https:\/\/[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noreferrer">$1</a>')
    .replace(/\n/g, '<br>');
}

/**
 * An Adaptive Card drawn as Teams draws it, before anything is sent: the real renderer (the
 * `adaptivecards` package, loaded only when a preview is opened), Teams' host settings and the
 * tab's theme. Buttons and inputs are shown but disabled: a preview sends nothing.
 */
export function AdaptiveCardPreview({ card, label }: { readonly card: unknown; readonly label?: string }) {
  const styles = useStyles();
  const t = useMessages(messages);
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let current = true;
    const target = host.current;
    import('adaptivecards')
      .then((AC) => {
        if (!current || !target) return;
        AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
          result.outputHtml = cardMarkdown(text);
          result.didProcess = true;
        };
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(HOST_CONFIG);
        adaptive.onExecuteAction = () => undefined;
        adaptive.parse(card);
        const rendered = adaptive.render();
        if (!rendered) throw new Error('The card did not render');
        for (const control of rendered.querySelectorAll<
          HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
        >('button, input, select, textarea')) {
          control.disabled = true;
        }
        // The renderer makes the card itself focusable; in a preview it is just content.
        rendered.removeAttribute('tabindex');
        target.replaceChildren(rendered);
        setState('ready');
      })
      .catch(() => {
        if (current) setState('failed');
      });
    return () => {
      current = false;
    };
  }, [card]);

  return (
    <figure className={styles.frame} aria-label={label ?? t.preview} data-card-preview={state}>
      {state === 'loading' && <p className={styles.status}>{t.loading}</p>}
      {state === 'failed' && (
        <p className={styles.status} role="alert">
          {t.failed}
        </p>
      )}
      <div ref={host} />
    </figure>
  );
}
