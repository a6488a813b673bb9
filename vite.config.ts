import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const DATA_DIR = resolve(import.meta.dirname, 'data');
/** Only the derived, shippable files under data/ are served; scripts and raw sources are not. */
const SERVED = /\.geojson$/;

function listServedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'sources' ? [] : listServedFiles(path);
    return SERVED.test(entry.name) ? [path] : [];
  });
}

/**
 * Serves data/**.geojson at /data/… in dev, and copies the same files into the build (which
 * `vite preview` serves).
 * The derived datasets stay static files fetched at run time instead of JSON bundled into the JS.
 */
function serveDataDir(): Plugin {
  const middleware = (url: string | undefined, res: ServerResponse): boolean => {
    let path: string;
    try {
      path = decodeURIComponent((url ?? '').split('?')[0] ?? '');
    } catch {
      return false;
    }
    if (!path.startsWith('/data/')) return false;
    const file = resolve(DATA_DIR, '.' + path.slice('/data'.length));
    if (!file.startsWith(DATA_DIR + sep) || !SERVED.test(file) || !existsSync(file)) return false;
    if (relative(DATA_DIR, file).split(sep)[0] === 'sources') return false;
    res.setHeader('Content-Type', 'application/geo+json');
    res.setHeader('Content-Length', statSync(file).size);
    createReadStream(file).pipe(res);
    return true;
  };
  return {
    name: 'serve-data-dir',
    configureServer(server) {
      server.middlewares.use((req, res, next) => (middleware(req.url, res) ? undefined : next()));
    },
    generateBundle() {
      for (const file of listServedFiles(DATA_DIR)) {
        this.emitFile({
          type: 'asset',
          fileName: 'data/' + relative(DATA_DIR, file).split(sep).join('/'),
          source: readFileSync(file),
        });
      }
    },
  };
}

/**
 * The production page forbids inline and eval script. Dev mode is left without it because Vite's
 * dev server injects inline scripts and styles for hot reload.
 * connect-src allows http(s) because a user may load their own file from a URL (?data=…).
 * worker-src covers the service worker (sw.js) as well as the engine's and MapLibre's workers;
 * manifest-src the web app manifest. The service worker itself is not under this policy (a
 * worker takes its policy from its own response headers), so its importScripts of the Workbox
 * runtime, a file of the app, needs nothing here.
 *
 * The policy is written once, in public/_headers (the response headers a host such as Netlify
 * or Cloudflare Pages sends); the page's <meta> takes it from there, without frame-ancestors,
 * which browsers ignore in a <meta> policy. So the two cannot drift apart.
 */
const CONTENT_SECURITY_POLICY = readHeader(
  resolve(import.meta.dirname, 'public/_headers'),
  'Content-Security-Policy',
)
  .split(';')
  .map((directive) => directive.trim())
  .filter((directive) => directive !== '' && !directive.startsWith('frame-ancestors'))
  .join('; ');

/** The value of a header in a _headers file (its first occurrence). */
function readHeader(file: string, name: string): string {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((text) =>
      text
        .trim()
        .toLowerCase()
        .startsWith(name.toLowerCase() + ':'),
    );
  if (line === undefined) throw new Error(`${file} sets no ${name} header`);
  return line.slice(line.indexOf(':') + 1).trim();
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** The app's accent (the Durand Line on the map) and its light page background, from app.css. */
const THEME_COLOUR = '#7a1f3d';
const BACKGROUND_COLOUR = '#ffffff';

/**
 * Installable, and offline after the first visit: a web app manifest, and a Workbox service worker
 * that precaches the app shell, its JS, CSS and worker chunks, the icons and every GeoJSON file
 * the build copies from data/ (the embedded incidents, the border and the basemap); nothing is
 * cached at run time, so a `?data=` URL always goes to its own server. A new version waits until
 * the user accepts it (registerType 'prompt': see src/features/app-update/). No service worker in
 * `npm run dev` (devOptions stay off), and the page registers it itself through
 * virtual:pwa-register/react, so nothing is injected into index.html (whose CSP forbids inline
 * script).
 */
function installableOffline(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      id: './',
      name: 'Durand Line incident map',
      short_name: 'Durand Line',
      description:
        'Offline dashboard of violent incidents along the Afghanistan–Pakistan border (Durand Line)',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: THEME_COLOUR,
      background_color: BACKGROUND_COLOUR,
      // Drawn by data/scripts/make-icons.mjs (npm run icons).
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        {
          src: 'icons/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    // The manifest's icons and the manifest itself are added to the precache by the plugin.
    workbox: {
      mode: 'production',
      // Workbox's own runtime is not ours to debug; its maps cost 1.5 s of every build.
      sourcemap: false,
      // The README's screenshot and the source maps are in the build but not needed offline.
      globPatterns: ['index.html', 'favicon.svg', 'assets/*.{js,mjs,css}', 'data/**/*.geojson'],
      // Any navigation inside the app (a permalink's query included) gets the cached page.
      navigateFallback: 'index.html',
      // A first visit's page is taken over as soon as the worker is active, so what it loads
      // later also comes from the cache. An update still waits for "Reload".
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      // MapLibre's chunk, the largest file, is 1.1 MB: the default 2 MiB limit leaves it room,
      // and a file over it fails the build (the plugin's default) instead of silently staying
      // out of the cache.
      maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
    },
  });
}

export default defineConfig({
  base: './',
  plugins: [react(), serveDataDir(), contentSecurityPolicy(), installableOffline()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    sourcemap: true,
    // MapLibre alone is ~1 MB minified; it gets its own long-lived chunk.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The service worker is bundled by Workbox in the PWA plugin's closeBundle (~4 s), which
      // rolldown would report as a slow plugin on every build.
      checks: { bundlerTimings: false },
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ },
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
