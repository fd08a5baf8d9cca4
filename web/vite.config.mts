import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app: built into dist/web (served by the service at /), or served by `npm run start:dev` with
 * hot reload, proxying the API's paths to the service on API_PORT (default 3000).
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: {
      '@app': here('./src/app'),
      '@features': here('./src/features'),
      '@api': here('./src/api'),
    },
  },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // No inline scripts or styles in index.html: the service's CSP has no 'unsafe-inline' for scripts.
    assetsInlineLimit: 0,
    // dist/web/.vite/manifest.json: the chunks each entry and page needs, for the first-load bench.
    manifest: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: Object.fromEntries(
      ['/api', '/docs', '/docs-json', '/health'].map((path) => [
        path,
        { target: `http://127.0.0.1:${process.env.API_PORT ?? 3000}`, changeOrigin: false },
      ]),
    ),
  },
});
