import path from 'node:path';
import { defineConfig } from 'vite';

// The tab is served by the bot's restify server under /tab/. No React plugin: esbuild compiles
// TSX with the automatic runtime, which is all this app needs.
export default defineConfig({
  root: path.resolve(__dirname),
  base: '/tab/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: path.resolve(__dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
});
