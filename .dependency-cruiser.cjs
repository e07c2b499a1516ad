/**
 * The architecture, enforced (`npm run lint` runs it). Layers, from the bottom:
 *   shared/   domain types, i18n, card rendering: imports nothing else of ours
 *   platform/ config, logging, HTTP, storage, the tab's API router, Teams: imports shared/
 *   delivery/ the outbox: imports platform/ and shared/
 *   features  people/ programme/ reminders/ polls/ groups/ data-rights/ survey/ roadmap/
 *             registration/: import the kernel, and another feature only through its index.ts
 *   root      app.ts (composition), server.ts, index.ts, repositories.ts, demo/: may import anything
 * Only platform/teams/ imports botbuilder or TeamsFx; outside it, platform/teams is used through
 * its index.ts. No import cycles, between files or between folders.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const FEATURES = '(people|programme|reminders|polls|groups|data-rights|survey|roadmap|registration)';
const ROOT = '^bot/src/(app|server|index|repositories)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make the order of initialisation fragile and the layers meaningless.',
      from: { path: '^bot/src/' },
      to: { circular: true },
    },
    {
      name: 'teams-sdk-only-in-platform-teams',
      severity: 'error',
      comment:
        'botbuilder and TeamsFx are in maintenance; keeping them in platform/teams/ makes the move to the Microsoft 365 Agents SDK a contained change.',
      from: { path: '^(bot/src|tab/src)/', pathNot: '^bot/src/platform/teams/' },
      to: { path: '(^|/)node_modules/(botbuilder|botbuilder-[^/]+|botframework-[^/]+|@microsoft/teamsfx)/' },
    },
    {
      name: 'platform-teams-through-its-index',
      severity: 'error',
      comment: 'Outside platform/teams/, use what its index.ts exports.',
      from: { path: '^bot/src/', pathNot: '^bot/src/platform/teams/' },
      to: { path: '^bot/src/platform/teams/', pathNot: '^bot/src/platform/teams/index\\.ts$' },
    },
    {
      name: 'shared-imports-nothing-above-it',
      severity: 'error',
      from: { path: '^bot/src/shared/' },
      to: { path: '^bot/src/', pathNot: '^bot/src/shared/' },
    },
    {
      name: 'platform-imports-only-shared',
      severity: 'error',
      from: { path: '^bot/src/platform/' },
      to: { path: '^bot/src/', pathNot: '^bot/src/(platform|shared)/' },
    },
    {
      name: 'delivery-imports-only-the-kernel',
      severity: 'error',
      from: { path: '^bot/src/delivery/' },
      to: { path: '^bot/src/', pathNot: '^bot/src/(platform|shared|delivery)/' },
    },
    {
      name: 'features-import-other-features-through-their-index',
      severity: 'error',
      comment: "A feature's inside is its own; others use what its index.ts exports.",
      from: { path: `^bot/src/${FEATURES}/` },
      to: { path: `^bot/src/${FEATURES}/`, pathNot: ['^bot/src/$1/', `^bot/src/${FEATURES}/index\\.ts$`] },
    },
    {
      name: 'features-do-not-import-the-composition',
      severity: 'error',
      comment: 'The composition root and the demo wire features; features never reach up to them.',
      from: { path: `^bot/src/(${FEATURES.slice(1, -1)}|delivery|platform|shared)/` },
      to: { path: [ROOT, '^bot/src/demo/'] },
    },
    {
      name: 'tab-imports-only-api-contracts',
      severity: 'error',
      comment: 'The tab shares only the API types with the bot (files named *contracts.ts).',
      from: { path: '^tab/src/' },
      to: { path: '^bot/src/', pathNot: 'contracts\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: ['^bot/src/', '^tab/src/', 'node_modules/(botbuilder|botframework-|@microsoft/teamsfx)'],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tests/tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
