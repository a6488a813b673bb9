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
 * Text from data goes through DataText (src/features/data-text), which clips it and isolates its
 * bidi: a JSX child that is a value read straight from data (a name, label, id, message…, alone,
 * after `&&`, in a `? :` or inside a template) is flagged, and so is such a value in a text
 * attribute (aria-label, title…), which must be clipped. Numbers and the app's own words pass.
 */
const DATA_FIELDS =
  'label|name|names|code|key|id|message|reason|place|summary|text|day|dataset|datasetName|notice|detail|phrase|column|sheet|type|value|title|problems';
/** Plain names that hold data wherever they are used (a `label` prop may be the app's own). */
const DATA_NAMES =
  'names|message|reason|place|summary|dataset|datasetName|notice|detail|phrase|column|sheet|problems';
const DATA_MESSAGE =
  'Show text from data through <DataText> (features/data-text): it clips it and isolates its bidi.';
const RAW = `:matches(Identifier[name=/^(${DATA_NAMES})$/], MemberExpression[property.name=/^(${DATA_FIELDS})$/])`;
const CHILD = ':matches(JSXElement, JSXFragment) > JSXExpressionContainer';
const TEXT_ATTRIBUTE =
  'JSXAttribute[name.name=/^(aria-label|aria-description|title|alt|placeholder)$/]';
const NO_RAW_DATA_TEXT = [
  `${CHILD} > ${RAW}`,
  `${CHILD} > LogicalExpression > ${RAW}.right`,
  `${CHILD} > ConditionalExpression > ${RAW}.consequent`,
  `${CHILD} > ConditionalExpression > ${RAW}.alternate`,
  `${CHILD} > TemplateLiteral > ${RAW}`,
  `${CHILD} > :matches(LogicalExpression, ConditionalExpression) > TemplateLiteral > ${RAW}`,
]
  .map((selector) => ({ selector, message: DATA_MESSAGE }))
  .concat(
    [
      `${TEXT_ATTRIBUTE} > JSXExpressionContainer > ${RAW}`,
      `${TEXT_ATTRIBUTE} > JSXExpressionContainer > TemplateLiteral > ${RAW}`,
    ].map((selector) => ({
      selector,
      message:
        'Clip text from data in an attribute with displayName or displayText (domain/display-text).',
    })),
  );

/**
 * Words a reader sees come from the catalogues (src/i18n), never from a component: text between
 * tags, a string or template in a child expression, and the text attributes (aria-label, title,
 * alt, placeholder, label) are flagged when they hold a word of two letters or more.
 */
const WORD = '/[A-Za-z]{2,}/';
const WORDS_MESSAGE =
  'Words a reader sees come from the catalogues: t() of useTranslation (src/i18n/locales).';
const SPOKEN_ATTRIBUTE =
  'JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|title|alt|placeholder|label)$/]';
const IN_CHILD = ':matches(JSXElement, JSXFragment) > JSXExpressionContainer';
const NO_HARD_CODED_WORDS = [
  `JSXText[value=${WORD}]`,
  `${SPOKEN_ATTRIBUTE} > Literal[value=${WORD}]`,
  ...[SPOKEN_ATTRIBUTE + ' > JSXExpressionContainer', IN_CHILD].flatMap((place) => [
    `${place} > Literal[value=${WORD}]`,
    `${place} > TemplateLiteral > TemplateElement[value.raw=${WORD}]`,
    `${place} > :matches(LogicalExpression, ConditionalExpression) > Literal[value=${WORD}]`,
    `${place} > :matches(LogicalExpression, ConditionalExpression) > TemplateLiteral > TemplateElement[value.raw=${WORD}]`,
  ]),
].map((selector) => ({ selector, message: WORDS_MESSAGE }));

/**
 * The folders of src/ from the bottom up: each may import those before it, never those after
 * (`**` catches the folders' own subfolders too).
 */
const ABOVE = {
  domain: [
    '**/workers/*',
    '**/storage/*',
    '**/i18n/*',
    '**/state/*',
    '**/map/*',
    '**/features/*',
    '**/app/*',
    '**/packaging/*',
  ],
  workers: [
    '**/storage/*',
    '**/i18n/*',
    '**/state/*',
    '**/map/*',
    '**/features/*',
    '**/app/*',
    '**/packaging/*',
  ],
  storage: ['**/workers/*', '**/i18n/*', '**/state/*', '**/map/*', '**/features/*', '**/app/*'],
  i18n: ['**/workers/*', '**/storage/*', '**/state/*', '**/map/*', '**/features/*', '**/app/*'],
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
    // The words and formats of the page's languages: above domain/, below everything that shows.
    files: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ABOVE.i18n, message: 'i18n/ imports only domain/.' }] },
      ],
    },
  },
  {
    // Imports flow one way: domain → workers, storage and i18n → state → map → features → app.
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
    files: ['src/features/**/*.tsx', 'src/app/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...NO_HTML_INJECTION,
        ...NO_RAW_DATA_TEXT,
        ...NO_HARD_CODED_WORDS,
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
