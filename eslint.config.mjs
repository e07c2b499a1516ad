// Lint with type information: the rules that catch lost promises and untyped data are errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      '.azurite/**',
      '.scratch*/**',
      '.local/**',
      '.deployment/**',
      'test-artifacts/**',
      '*.config.*',
      'tab/vite.config.ts',
      '.dependency-cruiser.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./bot/tsconfig.json', './tests/tsconfig.json', './tab/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // botbuilder and TeamsFx stay behind platform/teams (dependency-cruiser checks the whole graph too).
    files: ['bot/src/**/*.ts'],
    ignores: ['bot/src/platform/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(botbuilder|botbuilder-.*|botframework-.*|@microsoft/teamsfx)$',
              message: 'Only bot/src/platform/teams/ imports botbuilder or TeamsFx; use its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Plain CommonJS preloaded into helper processes by `node --require`: outside every tsconfig.
    files: ['**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { process: 'readonly', setTimeout: 'readonly' },
    },
  },
);
