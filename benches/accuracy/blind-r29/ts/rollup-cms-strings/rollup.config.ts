import { defineConfig } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { cmsStrings } from './plugins/cms-strings';
import { featureFlags } from './plugins/feature-flags';

const locale = process.env.WIDGET_LOCALE ?? 'en-GB';
const production = process.env.NODE_ENV === 'production';

export default defineConfig({
  input: {
    checkout: 'src/checkout.tsx',
    minicart: 'src/minicart.tsx',
  },
  output: {
    dir: 'public/widgets',
    format: 'es',
    sourcemap: !production,
    entryFileNames: `[name].${locale}.js`,
  },
  plugins: [
    resolve({ browser: true }),
    featureFlags({ environment: production ? 'production' : 'staging' }),
    cmsStrings({ locale, include: ['src/**/*.tsx', 'src/**/*.ts'] }),
    typescript({ tsconfig: './tsconfig.json' }),
  ],
  watch: {
    clearScreen: false,
    include: ['src/**'],
  },
});
