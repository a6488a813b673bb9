import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { closeTestStores } from './storage/test-stores';
// Components speak through i18next: English, as the app opens without another choice.
import './i18n/i18n';

afterEach(() => {
  cleanup();
  // Views and notes a test opened stop listening to the other "tabs" of later tests.
  closeTestStores();
});
