// Lint rules for the TypeScript sources and the build and test scripts (npm run lint).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  process: 'readonly',
  console: 'readonly',
  __dirname: 'readonly',
  Buffer: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setImmediate: 'readonly',
  URL: 'readonly',
  performance: 'readonly',
  globalThis: 'readonly',
  structuredClone: 'readonly',
};
// Functions the test host's driver sends into the browser page to run there.
const pageGlobals = { document: 'readonly', window: 'readonly', getComputedStyle: 'readonly' };

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'media/compare.js',
      'node_modules/**',
      '.vscode-host/**',
      '.vscode-test/**',
      'test-results/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Control characters are what the binary and form-feed checks look for.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['scripts/code-server-host.js', 'scripts/make-icon.js'], languageOptions: { globals: pageGlobals } },
  {
    // Tests load compiled suites by path and reach into untyped browser handles.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
