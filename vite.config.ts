/**
 * Vite build of the web client (root `web/`, output `dist/web`).
 * The dev server proxies the API paths to the Node server so that the client always talks to
 * its own origin, as it does in production where one server serves both.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 8080}`;

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: process.env.FF_WEB_DIST ?? '../dist/web',
    emptyOutDir: true,
    // maplibre-gl alone is ~1 MB minified; one chunk for it is expected, not a regression.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/tiles': apiTarget,
      '/ogc': apiTarget,
    },
  },
  preview: {
    proxy: {
      '/api': apiTarget,
      '/tiles': apiTarget,
      '/ogc': apiTarget,
    },
  },
});
