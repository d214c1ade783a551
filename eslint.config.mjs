// Lint for the whole monorepo: typescript-eslint (type-aware), React hooks + Next for the web app, and the
// import boundaries of ARCHITECTURE.md, which are rules here so they cannot decay into conventions.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PRISMA_IMPORTS = {
  group: ['@prisma/client', '@prisma/client/*', '**/generated/prisma/*', '**/generated/prisma'],
  allowTypeImports: true,
  message: 'Prisma is used only in *.repository.ts and apps/api/src/database/ (types may be imported anywhere).',
};
const K8S_CLIENT_IMPORTS = {
  group: ['@kubernetes/client-node', '@kubernetes/client-node/*'],
  message: '@kubernetes/client-node is used only under apps/api/src/k8s/.',
};
const WEB_SERVER_ONLY = [
  K8S_CLIENT_IMPORTS,
  { ...PRISMA_IMPORTS, allowTypeImports: false },
  { group: ['@nestjs/*'], message: 'Nest is server-only.' },
];

// Web layers (ARCHITECTURE.md §5): kit/ and lib/ → features/<x>/ → app/. A feature imports the kit, lib and its own
// folder, never another feature; pages that combine features are composed in app/. One block per feature folder,
// read from disk, so a new folder is covered the day it appears. (A later block replaces the rule's options, so
// each block repeats the server-only patterns.)
const WEB_FEATURES_DIR = 'apps/web/src/features';
const WEB_FEATURES = readdirSync(new URL(`./${WEB_FEATURES_DIR}`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const NO_ROUTE_IMPORTS = { regex: '^@/app(/|$)', message: 'Routes (app/) compose features; nothing imports them.' };
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const featureBoundary = (feature) => {
  const others = WEB_FEATURES.filter((name) => name !== feature).map(escapeRegex);
  const message = `features/${feature} imports only its own folder, kit/ and lib/: move what is shared into kit/, or compose the features in app/.`;
  return {
    files: [`${WEB_FEATURES_DIR}/${feature}/**/*.{ts,tsx}`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...WEB_SERVER_ONLY,
            NO_ROUTE_IMPORTS,
            { regex: `^@/features/(?!${escapeRegex(feature)}(/|$))`, message },
            { regex: `^(\\.\\./)+(${others.join('|')})(/|$)`, message },
          ],
        },
      ],
    },
  };
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/generated/**',
      '**/.turbo/**',
      'reports/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'apps/web/next-env.d.ts',
      '.wheelhouse/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs', '*.ts', 'scripts/*.mjs', 'apps/web/scripts/*.mjs', 'packages/shared/*.ts', 'packages/shared/src/*.spec.ts'],
          defaultProject: 'tsconfig.base.json',
        },
      },
      globals: { ...globals.node },
    },
    rules: {
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Import boundaries (API): client-node only in k8s/, Prisma only in repositories and database/.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/k8s/**', 'apps/api/src/**/*.repository.ts', 'apps/api/src/database/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [K8S_CLIENT_IMPORTS, PRISMA_IMPORTS] }] },
  },
  {
    files: ['apps/api/src/**/*.repository.ts', 'apps/api/src/database/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [K8S_CLIENT_IMPORTS] }] },
  },
  {
    files: ['apps/api/src/k8s/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [PRISMA_IMPORTS] }] },
  },
  // Web and shared code never reach the server-only libraries.
  {
    files: ['apps/web/**/*.{ts,tsx}', 'packages/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: WEB_SERVER_ONLY }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    settings: { next: { rootDir: 'apps/web' } },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      'react/no-danger': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Cluster and user text must render as text.' },
      ],
    },
  },
  // Tests may use Prisma directly (drift guard) and loosen a few type-safety rules around HTTP bodies.
  {
    files: ['**/test/**/*.ts', '**/*.spec.ts', '**/*.test.ts', '**/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // After the test block on purpose: feature tests keep to their folder too.
  ...WEB_FEATURES.map(featureBoundary),
  {
    files: ['apps/web/src/{kit,lib,components}/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...WEB_SERVER_ONLY,
            NO_ROUTE_IMPORTS,
            { regex: '^(@/|(\\.\\./)+)features(/|$)', message: 'kit/, lib/ and components/ sit below the features and never import them.' },
          ],
        },
      ],
    },
  },
);
