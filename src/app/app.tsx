import { ExportButtons } from '../features/export/export-buttons';
import { FilterPanel } from '../features/filters/filter-panel';
import { IncidentCount } from '../features/filters/incident-count';
import { IncidentDetail } from '../features/incident-detail/incident-detail';
import { DropZone } from '../features/import/drop-zone';
import { LoadProgress } from '../features/import/load-progress';
import { LoadReport } from '../features/import/load-report';
import { MappingDialog } from '../features/import/mapping-dialog';
import { OpenFile } from '../features/import/open-file';
import { MapView } from '../map/map-view';

/** The page: header with count and export, filters beside the map, details over it. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Durand Line incident map</h1>
        <IncidentCount />
        <ExportButtons />
      </header>
      <div className="app-body">
        <nav className="sidebar" aria-label="Filters and data">
          <LoadProgress />
          <FilterPanel />
          <LoadReport />
          <OpenFile />
          <p className="muted small about">
            Embedded: incidents of Sept–Nov 2025 from cited news reports; coordinates are estimates
            (see each incident's precision). Border: Natural Earth 1:10m, generalised.
          </p>
        </nav>
        <main className="map-area">
          <MapView />
          <IncidentDetail />
        </main>
      </div>
      <MappingDialog />
      <DropZone />
    </div>
  );
}
