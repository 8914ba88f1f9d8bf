// The bench pages (npm run bench times keystrokes in both): BanshiForm and a plain
// react-jsonschema-form page on the same 300-field schema, built beside the app into dist-bench.
import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.js';

export default mergeConfig(base, defineConfig({
  build: {
    outDir: 'dist-bench',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: {
        'form-bench': resolve(import.meta.dirname, 'bench/form-bench.html'),
        'plain-rjsf': resolve(import.meta.dirname, 'bench/plain-rjsf.html'),
      },
    },
  },
}));
