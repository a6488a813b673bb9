/**
 * The source catalogue: every namespace of English, bundled with the app (the other languages are
 * fetched when chosen). Its shape types every `t()` key (i18next.d.ts), so a key missing here fails
 * the type check; catalogues.test.ts checks every other language has the same keys.
 *
 * A namespace is a feature's words: add `locales/<language>/<feature>.json` for every language and
 * one line here.
 */
import app from './locales/en/app.json';
import common from './locales/en/common.json';

export const EN = { app, common } as const;

export type Namespace = keyof typeof EN;
