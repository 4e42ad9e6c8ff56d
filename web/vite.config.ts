import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build goes to web/dist, which is committed and embedded in the Go
// binary (web/web.go). Everything is bundled: no request leaves the server.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    // Small assets would be inlined as data: URLs; keep them files so the
    // CSP needs no data: for scripts.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
