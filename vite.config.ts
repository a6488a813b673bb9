import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

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

export default defineConfig({
  base: './',
  plugins: [react(), serveDataDir(), contentSecurityPolicy()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    sourcemap: true,
    // MapLibre alone is ~1 MB minified; it gets its own long-lived chunk.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
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
