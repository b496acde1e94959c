import { defineConfig } from 'vite';

// The review app's UI, built into dist/ui (shipped in the package, served by `partcredit serve`):
// the app, and the login page that staff accounts use.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
    rolldownOptions: {
      input: { index: `${import.meta.dirname}/index.html`, login: `${import.meta.dirname}/login.html` },
    },
  },
});
