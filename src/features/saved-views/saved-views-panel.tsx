import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { t as say } from '../../i18n/i18n';
import type { ViewEntry } from '../../domain/saved-view';
import {
  checkViewsFileSize,
  cleanViewName,
  MAX_VIEW_NAME,
  readViewsFile,
  writeViewsFile,
} from '../../domain/saved-view';
import type { SavedView } from '../../storage/saved-views';
import { SavedViews } from '../../storage/saved-views';
import { MessageText } from '../data-text/message-text';
import { downloadBlob } from '../export/download-file';
import { SavedViewItem } from './saved-view-item';
import type { ViewsMessage } from './views-message';
import { ImportJsonButton } from './import-json-button';
import { fileProblem, ViewsMessageLine } from './views-message';
import './saved-views.css';

/** Where views come from and go to: the page's address (the app's URL sync). */
export interface ViewAddress {
  /** The filters, the map view and the open incident now, as a view's query. */
  currentView: () => string;
  /** Shows a view's query as a permalink would. */
  openView: (query: string) => void;
}

let appViews: Promise<SavedViews> | null = null;
/** The page's saved views, opened once on first need. */
const openAppViews = () => (appViews ??= SavedViews.open());

const NO_VIEWS: readonly SavedView[] = [];
const noViews = () => NO_VIEWS;
const noSubscribe = () => () => undefined;

/**
 * Save view, the list of saved views (Open, Rename, Delete), Export views and Import views….
 * A view is the address's query (filters, map view, open incident), opened as a permalink is.
 */
export function SavedViewsPanel({
  address,
  open = openAppViews,
}: {
  address: ViewAddress;
  /** Opens the views (tests give their own database). */
  open?: () => Promise<SavedViews>;
}) {
  const { t } = useTranslation('savedViews');
  const id = useId();
  const [store, setStore] = useState<SavedViews | null>(null);
  useEffect(() => {
    let live = true;
    void open().then((opened) => live && setStore(opened));
    return () => {
      live = false;
    };
  }, [open]);
  const views = useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.getViews ?? noViews);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<ViewsMessage | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const save = async () => {
    if (!store) return;
    const cleaned = cleanViewName(name);
    if (cleaned === '') {
      setMessage({ text: () => say('savedViews:nameFirst'), tone: 'error' });
      nameInput.current?.focus();
      return;
    }
    const entry = { name: cleaned, query: address.currentView(), savedAt: now() };
    await store.add([entry]);
    setName('');
    setMessage({ text: () => say('savedViews:saved', { name: cleaned }), tone: 'done' });
  };

  const remove = async (view: SavedView) => {
    await store?.remove(view.id);
    setMessage({
      text: () => say('savedViews:deleted', { name: view.name }),
      tone: 'done',
      deleted: view,
    });
  };

  const importFile = async (file: File) => {
    if (!store) return;
    let read: ReturnType<typeof readViewsFile>;
    try {
      checkViewsFileSize(file.size);
      read = readViewsFile(await file.text(), new Date());
    } catch (error) {
      // The file may also be unreadable (removed or changed since it was chosen).
      setMessage(fileProblem(file, error));
      return;
    }
    // Importing the same file twice adds nothing the second time.
    const known = new Set(views.map(sameViewKey));
    const fresh = read.views.filter((view) => !known.has(sameViewKey(view)));
    if (fresh.length > 0) await store.add(fresh);
    const already = read.views.length - fresh.length;
    setMessage({
      text: () =>
        already > 0
          ? say('savedViews:importedAlready', {
              views: countViews(fresh.length),
              file: file.name,
              already: countViews(already),
            })
          : say('savedViews:imported', { views: countViews(fresh.length), file: file.name }),
      tone: read.views.length === 0 ? 'error' : 'done',
      details: read.problems,
    });
  };

  const exportViews = () => {
    const text = writeViewsFile(views, new Date());
    downloadBlob(
      new Blob([text], { type: 'application/json' }),
      `durand-line-views-${now().slice(0, 10)}.json`,
    );
    const exported = views.length;
    setMessage({
      text: () => say('savedViews:exported', { views: countViews(exported) }),
      tone: 'done',
    });
  };

  return (
    <section className="saved-views" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('heading')}</h2>
      <form
        className="save-view"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor={`${id}-name`}>{t('viewName')}</label>
        <div className="save-view-row">
          <input
            id={`${id}-name`}
            ref={nameInput}
            type="text"
            value={name}
            maxLength={MAX_VIEW_NAME}
            placeholder={t('namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" disabled={!store}>
            {t('saveView')}
          </button>
        </div>
      </form>
      {store?.notKept && (
        <p className="message warning" role="note">
          <MessageText message={store.notKept} />
        </p>
      )}
      <ViewsMessageLine
        message={message}
        onUndo={(deleted) =>
          void store?.restore(deleted).then(() =>
            setMessage({
              text: () => say('savedViews:back', { name: deleted.name }),
              tone: 'done',
            }),
          )
        }
      />
      {!store ? (
        <p className="muted small">{t('opening')}</p>
      ) : views.length === 0 ? (
        <p className="muted small">{t('none')}</p>
      ) : (
        <ul className="saved-view-list" aria-labelledby={`${id}-heading`}>
          {views.map((view) => (
            <SavedViewItem
              key={view.id}
              view={view}
              onOpen={() => {
                address.openView(view.query);
                setMessage({
                  text: () => say('savedViews:opened', { name: view.name }),
                  tone: 'done',
                });
              }}
              onRename={(renamed) => void store.rename(view.id, renamed)}
              onDelete={() => void remove(view)}
            />
          ))}
        </ul>
      )}
      <div className="saved-views-file">
        <button type="button" disabled={views.length === 0} onClick={exportViews}>
          {t('exportViews')}
        </button>
        <ImportJsonButton
          label={t('importViews')}
          disabled={!store}
          onFile={(file) => void importFile(file)}
        />
      </div>
    </section>
  );
}

/** Two views are the same when both their name and their query are. */
function sameViewKey(view: ViewEntry): string {
  return `${view.name}\n${view.query}`;
}

/** "1 view", "2 views", in the page's language. */
function countViews(count: number): string {
  return say('savedViews:views', { count });
}

function now(): string {
  return new Date().toISOString();
}
