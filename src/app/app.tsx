import { ExportButton } from '../features/export/export-button';
import { FilterPanel } from '../features/filters/filter-panel';
import { IncidentCount } from '../features/filters/incident-count';
import { IncidentDetail } from '../features/incident-detail/incident-detail';
import { LoadReport } from '../features/import/load-report';
import { OpenFileButton } from '../features/import/open-file-button';
import { MapView } from '../map/map-view';

/** The page: header with count and export, filters beside the map, details over it. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Durand Line incident map</h1>
        <IncidentCount />
        <ExportButton />
      </header>
      <div className="app-body">
        <nav className="sidebar" aria-label="Filters and load report">
          <FilterPanel />
          <LoadReport />
          <OpenFileButton />
          <p className="muted small about">
            Incidents of Sept–Nov 2025 from cited news reports; coordinates are estimates (see each
            incident's precision). Border: Natural Earth 1:10m, generalised.
          </p>
        </nav>
        <main className="map-area">
          <MapView />
          <IncidentDetail />
        </main>
      </div>
    </div>
  );
}
