import * as esbuild from 'esbuild';
import { i18nPlugin } from './src/i18n-plugin.js';

const watch = process.argv.includes('--watch');

const options: esbuild.BuildOptions = {
  entryPoints: ['src/storefront/index.tsx', 'src/storefront/checkout.tsx'],
  bundle: true,
  splitting: true,
  format: 'esm',
  outdir: 'dist/assets',
  sourcemap: true,
  minify: !watch,
  target: ['es2020', 'safari14'],
  metafile: true,
  plugins: [
    i18nPlugin({
      databaseUrl: process.env.TRANSLATIONS_DB_URL ?? 'postgres://build@translations.internal/strings',
      locales: ['en', 'de', 'fr', 'nl'],
    }),
  ],
};

const ctx = await esbuild.context(options);

if (watch) {
  await ctx.watch();
  console.log('watching for changes...');
  const stop = async () => {
    await ctx.dispose();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  const result = await ctx.rebuild();
  const outputs = Object.keys(result.metafile?.outputs ?? {});
  console.log(`built ${outputs.length} files`);
  await ctx.dispose();
}
