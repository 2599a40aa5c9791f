/// <reference types="vitest" />
import { defineConfig } from 'vite';
import analog from '@analogjs/platform';

export default defineConfig(({ mode }) => ({
  build: { target: ['es2020'] },
  resolve: { mainFields: ['module'] },
  plugins: [
    analog({
      nitro: { preset: 'node-server' },
      prerender: { routes: ['/', '/about'] },
    }),
  ],
  define: { 'import.meta.vitest': mode !== 'production' },
}));
