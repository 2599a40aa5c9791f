import { defineConfig } from 'vite'
import { telefunc } from 'telefunc/vite'

export default defineConfig({
  plugins: [telefunc()],
  build: { outDir: 'dist/client' },
})
