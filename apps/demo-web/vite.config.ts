import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the page runs on Vite's server and the API on demo-express (or demo-nest with
// DEMO_API_URL=http://127.0.0.1:3001), so `/api` is proxied there; the production build is
// served by the API app itself, on one origin.
const apiTarget = process.env.DEMO_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: { outDir: 'dist', sourcemap: true },
});
