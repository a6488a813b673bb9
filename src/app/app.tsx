import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IncludeNotesToggle } from '../features/analyst-notes/include-notes-toggle';
import { NotesPanel } from '../features/analyst-notes/notes-panel';
import { TagsFilter } from '../features/analyst-notes/tags-filter';
import { UpdatePrompt } from '../features/app-update/update-prompt';
import { BorderFilters } from '../features/border/border-filters';
import { ComputedFieldsToggle } from '../features/border/computed-fields-toggle';
import { StripPanel } from '../features/border/strip-panel';
import { ExportButtons } from '../features/export/export-buttons';
import { CopyLinkButton } from '../features/filters/copy-link-button';
import { FilterPanel } from '../features/filters/filter-panel';
import { IncidentCount } from '../features/filters/incident-count';
import { MoreFilters } from '../features/filters/more-filters';
import { LanguageMenu } from '../features/language/language-menu';
import { IncidentDetail } from '../features/incident-detail/incident-detail';
import { ListPanel } from '../features/incident-list/list-panel';
import { DropZone } from '../features/import/drop-zone';
import { LoadProgress } from '../features/import/load-progress';
import { LoadReport } from '../features/import/load-report';
import { MappingDialog } from '../features/import/mapping-dialog';
import { OpenFile } from '../features/import/open-file';
import { MapView } from '../features/map-view/map-view';
import { SavedDatasetsPanel } from '../features/saved-datasets/saved-datasets-panel';
import { SavedViewsPanel } from '../features/saved-views/saved-views-panel';
import { TimelinePanel } from '../features/timeline/timeline-panel';
import { HeaderMenu } from './header-menu';
import type { UrlSync } from './url-sync';

type Drawer = 'filters' | 'list' | null;

/**
 * The page: header with count, link and exports; filters on the left, the map with its timeline
 * in the middle, the list on the right, details over the map (mirrored in a right-to-left
 * language, by app.css). On a phone the filters and the list are drawers and the header's
 * actions fold into one menu.
 */
export function App({ urlSync }: { urlSync?: UrlSync }) {
  const { t } = useTranslation('app');
  const [drawer, setDrawer] = useState<Drawer>(null);
  const toggle = (name: Exclude<Drawer, null>) =>
    setDrawer((open) => (open === name ? null : name));
  return (
    <div className="app" data-drawer={drawer ?? 'none'}>
      <header className="app-header">
        <h1>{t('title')}</h1>
        <IncidentCount />
        <HeaderMenu>
          <div className="header-actions">
            <CopyLinkButton />
            <ExportButtons />
            <ComputedFieldsToggle />
            <IncludeNotesToggle />
          </div>
          <LanguageMenu />
        </HeaderMenu>
        <div className="drawer-toggles">
          <button
            type="button"
            aria-expanded={drawer === 'filters'}
            aria-controls="filters-drawer"
            onClick={() => toggle('filters')}
          >
            {t('filters')}
          </button>
          <button
            type="button"
            aria-expanded={drawer === 'list'}
            aria-controls="list-drawer"
            onClick={() => toggle('list')}
          >
            {t('list')}
          </button>
        </div>
      </header>
      <div className="app-body">
        <nav id="filters-drawer" className="sidebar drawer" aria-label={t('filtersAndData')}>
          <LoadProgress />
          <FilterPanel />
          <MoreFilters />
          <TagsFilter />
          <BorderFilters />
          {urlSync && <SavedViewsPanel address={urlSync} />}
          <NotesPanel />
          <LoadReport />
          <OpenFile />
          <SavedDatasetsPanel />
          <p className="muted small about">{t('about')}</p>
        </nav>
        <main className="map-column">
          <div className="map-area">
            <MapView
              initialView={urlSync?.initialView ?? null}
              {...(urlSync ? { onViewChange: urlSync.reportView } : {})}
            />
            <IncidentDetail />
          </div>
          <TimelinePanel />
          <StripPanel />
        </main>
        <aside id="list-drawer" className="list-column drawer" aria-label={t('incidentList')}>
          <ListPanel />
        </aside>
      </div>
      <MappingDialog />
      <DropZone />
      <UpdatePrompt />
    </div>
  );
}
