import { defineConfig } from 'vite';

// The review app's UI, built into dist/ui (shipped in the package, served by `partcredit serve`):
// the app, the login page that staff accounts use, and the page where instructors manage staff.
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
      input: { index: `${import.meta.dirname}/index.html`, login: `${import.meta.dirname}/login.html`, staff: `${import.meta.dirname}/staff.html` },
    },
  },
});
