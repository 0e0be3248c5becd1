// `npm run lint`: typescript-eslint with its type-aware rules over every TypeScript project of the
// repository, then `prettier --check` (.prettierrc.json). Plain JavaScript, like bin/build.js.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'conformance-report/', 'conformance-replay/', 'contracts/pacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is typed by its nearest tsconfig.json: the main project, or the HTML report's
        // browser script (reporters/html/tsconfig.json, DOM types).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept for its position or to leave a member out of a rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // No `any` anywhere (the project guide); `as T` on parsed JSON is how untyped data gets its type.
      '@typescript-eslint/no-explicit-any': 'error',
      // A listener's hooks are async by contract (RunListener) even when one of them awaits nothing.
      '@typescript-eslint/require-await': 'off',
      // Imports carry their `.ts` extension and type-only imports say so (verbatimModuleSyntax).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      // Control characters are data here: the suite plans them into requests and looks for them in answers.
      'no-control-regex': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Tests and benches print and poke at internals on purpose; the scripts under bin/ are plain JavaScript.
    files: ['test/**', 'bench/**', 'bin/**', 'suites/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Tests read answers and reports as parsed JSON and assert on their members.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Test servers answer from async request handlers; a rejection there fails the test that sent the request.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
