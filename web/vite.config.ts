import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app imports schemas/ and forms/ from the repository root: the same form runtime the
// server uses, never a second copy.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    alias: {
      // rjsf's Markdown renderer: Banshi's forms are plain text (see the file for why).
      'markdown-to-jsx/react': fileURLToPath(new URL('./src/shared/forms/plain-text-markdown.tsx', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
