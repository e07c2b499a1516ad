import path from 'node:path';
import { defineConfig } from 'vite';

// The tab is served by the bot's restify server under /tab/. No React plugin: esbuild compiles
// TSX with the automatic runtime, which is all this app needs. Each view is its own chunk
// (views/index.ts loads them lazily); teams-js is loaded only inside Teams.
export default defineConfig({
  root: path.resolve(__dirname),
  base: '/tab/',
  esbuild: { jsx: 'automatic' },
  resolve: {
    // The card renderer's carousel needs Swiper; no card here is a carousel (see the stub).
    alias: [
      { find: /^swiper$/, replacement: path.resolve(__dirname, 'src/vendor/swiper-stub.ts') },
      { find: /^swiper\/modules$/, replacement: path.resolve(__dirname, 'src/vendor/swiper-stub.ts') },
    ],
  },
  build: {
    outDir: path.resolve(__dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // Fluent's "use client" markers mean nothing without server components.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
