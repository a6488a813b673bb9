import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Untrusted data is never injected as HTML. */
const NO_HTML_INJECTION = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render data as text, never as HTML.',
  },
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|setHTML)$/]',
    message: 'Render data as text, never as HTML.',
  },
];

/**
 * The folders of src/ from the bottom up: each may import those before it, never those after
 * (`**` catches the folders' own subfolders too).
 */
const ABOVE = {
  domain: ['**/workers/*', '**/storage/*', '**/state/*', '**/map/*', '**/features/*', '**/app/*'],
  workers: ['**/storage/*', '**/state/*', '**/map/*', '**/features/*', '**/app/*'],
  storage: ['**/workers/*', '**/state/*', '**/map/*', '**/features/*', '**/app/*'],
  state: ['**/map/*', '**/features/*', '**/app/*'],
  map: ['**/features/*', '**/app/*'],
  features: ['**/app/*'],
};
const REACT = ['react', 'react/*', 'react-dom', 'react-dom/*'];
const STORE = ['zustand', 'zustand/*'];
const MAP_LIBRARY = ['maplibre-gl', 'maplibre-gl/*'];

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
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...NO_HTML_INJECTION] },
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
              group: [...REACT, ...MAP_LIBRARY, ...STORE],
              message: 'domain/ stays framework-free.',
            },
            {
              group: ABOVE.domain,
              message: 'domain/ imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Engine work runs off the main thread (or inline in tests): it knows nothing of the page.
    files: ['src/workers/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...REACT, ...MAP_LIBRARY, ...STORE],
              message: 'workers/ hold no React, DOM UI, map library or store.',
            },
            {
              group: ABOVE.workers,
              message: 'workers/ import only domain/: state, map, features and app sit above them.',
            },
          ],
        },
      ],
    },
  },
  {
    // What the browser keeps between visits (IndexedDB, OPFS): plain TypeScript over idb, which
    // the store calls; it knows nothing of the engine or the page.
    files: ['src/storage/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...REACT, ...MAP_LIBRARY, ...STORE],
              message: 'storage/ holds no React, map library or store.',
            },
            {
              group: ABOVE.storage,
              message: 'storage/ imports only domain/: the store calls it, not the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    // Imports flow one way: domain → workers and storage → state → map → features → app.
    files: ['src/state/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ABOVE.state,
              message: 'state/ must not import UI layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // A class that owns maplibregl.Map and layer specs as plain data; a feature creates the
    // map, feeds it from the store and draws the React controls over it.
    files: ['src/map/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...REACT, ...STORE],
              message: 'map/ holds no React or store: features/map-view/ bridges them to the map.',
            },
            {
              group: ['**/state/*'],
              message: 'map/ does not read the store: features/map-view/ feeds it through methods.',
            },
            {
              group: ABOVE.map,
              message: 'map/ must not import features or the app shell.',
            },
          ],
        },
      ],
      // The automatic JSX runtime needs no React import, so JSX itself is fenced out.
      'no-restricted-syntax': [
        'error',
        ...NO_HTML_INJECTION,
        {
          selector: 'JSXElement, JSXFragment',
          message: 'map/ holds no React components: put them in a feature folder.',
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ABOVE.features,
              message: 'features must not import the app shell.',
            },
          ],
        },
      ],
    },
  },
);
