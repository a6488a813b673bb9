import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'test-results', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Untrusted data is never injected as HTML.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render data as text, never as HTML.',
        },
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|setHTML)$/]',
          message: 'Render data as text, never as HTML.',
        },
      ],
    },
  },
  {
    // The domain layer is plain TypeScript: no framework, map or DOM imports.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'maplibre-gl', 'zustand', 'zustand/*'],
              message: 'domain/ stays framework-free.',
            },
            {
              group: ['../state/*', '../map/*', '../features/*', '../app/*'],
              message: 'domain/ imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Imports flow one way: domain → state → map/features → app.
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../map/*', '../features/*', '../app/*'],
              message: 'state/ must not import UI layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/map/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../app/*', '../app/*'],
              message: 'features and map must not import the app shell.',
            },
          ],
        },
      ],
    },
  },
);
