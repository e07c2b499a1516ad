import { makeStyles, tokens } from '@fluentui/react-components';

/** Shared by the coordinators' sections: cards, headings and data tables. */
export const useTableStyles = makeStyles({
  section: {
    marginBottom: tokens.spacingVerticalXXL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    // Shadows vanish in high contrast; this border is transparent elsewhere and drawn there.
    border: `1px solid ${tokens.colorTransparentStroke}`,
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase600, fontWeight: 600 },
  intro: { margin: `0 0 ${tokens.spacingVerticalL}`, color: tokens.colorNeutralForeground2 },
  sectionHeading: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    fontSize: tokens.fontSizeBase500,
    fontWeight: 600,
  },
  scroll: { overflowX: 'auto' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase300,
    '& th': {
      textAlign: 'left',
      fontWeight: tokens.fontWeightSemibold,
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    },
    // Column headings stay on one line; row headings (a long poll question, a name) wrap, so the
    // table fits its card instead of pushing the last column out of sight.
    '& thead th': { whiteSpace: 'nowrap' },
    '& td:last-child button': { whiteSpace: 'nowrap' },
    '& td': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: 'top',
    },
  },
  number: { textAlign: 'right' },
  roles: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  // A badge has a fixed height; a long role name ("Experts and digital ambassadors") in a narrow
  // column wraps inside the badge instead of running over its border.
  role: {
    height: 'auto',
    minHeight: '20px',
    whiteSpace: 'normal',
    textAlign: 'left',
    paddingTop: '1px',
    paddingBottom: '1px',
  },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'center',
    marginTop: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground2,
  },
});
