// Lint rules for src/, test/ and bench/: ESLint's and typescript-eslint's recommended sets, the
// React hooks rules for the terminal UI, and nothing that Prettier (the formatter) decides.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      // `_` marks what is left out on purpose: `const { draft: _, ...rest } = session`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
      // rehearse finds and strips control characters on purpose (escape sequences, binary input).
      'no-control-regex': 'off',
    },
  },
  { files: ['src/ui/**/*.{ts,tsx}', 'test/ui/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  // The UI draws through Ink only; the CLI and commands print through the IO they are given.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Only src/cli.ts ends the process.' }],
    },
  },
  { files: ['src/cli.ts'], rules: { 'no-restricted-properties': 'off' } },
  prettier,
);
