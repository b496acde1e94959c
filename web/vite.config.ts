import { defineConfig } from 'vite';

// The review app's UI, built into dist/ui (shipped in the package, served by `partcredit serve`).
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
  },
});
