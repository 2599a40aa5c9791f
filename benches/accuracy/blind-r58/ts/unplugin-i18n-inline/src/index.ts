import { createUnplugin } from 'unplugin';
import MagicString from 'magic-string';
import pg from 'pg';
import { collectKeys, escapeForJs, fetchTranslations } from './catalog';

export interface Options {
  /** Postgres URL of the translations service database. */
  connectionString?: string;
  /** Project slug in the translations table. */
  project: string;
  /** Locale to inline; one build per locale. */
  locale: string;
  include?: RegExp;
  /** Fail the build on keys without a translation. */
  strict?: boolean;
}

export const unpluginI18nInline = createUnplugin<Options>((options, meta) => {
  const include = options.include ?? /\.(m?[jt]sx?|vue|svelte)$/;
  const missing = new Set<string>();

  return {
    name: 'unplugin-i18n-inline',
    enforce: 'pre',

    buildStart() {
      missing.clear();
    },

    transformInclude(id) {
      return include.test(id) && !id.includes('/node_modules/');
    },

    async transform(code, id) {
      const spans = collectKeys(code);
      if (spans.size === 0) return null;

      const client = new pg.Client({
        connectionString: options.connectionString ?? process.env.I18N_DATABASE_URL,
        application_name: `unplugin-i18n-inline:${meta.framework}`,
      });
      await client.connect();

      const translations = await fetchTranslations(client, options.project, options.locale, [...spans.keys()]);

      const s = new MagicString(code);
      for (const [key, positions] of spans) {
        const value = translations.get(key);
        if (value === undefined) {
          missing.add(key);
          continue;
        }
        for (const { start, end } of positions) {
          s.overwrite(start, end, escapeForJs(value));
        }
      }

      if (!s.hasChanged()) return null;
      return { code: s.toString(), map: s.generateMap({ source: id, includeContent: true, hires: true }) };
    },

    buildEnd() {
      if (missing.size === 0) return;
      const list = [...missing].sort().join(', ');
      const message = `[i18n-inline] ${missing.size} untranslated keys for ${options.locale}: ${list}`;
      if (options.strict) {
        throw new Error(message);
      }
      console.warn(message);
    },
  };
});

export const vitePlugin = unpluginI18nInline.vite;
export const webpackPlugin = unpluginI18nInline.webpack;
export const rollupPlugin = unpluginI18nInline.rollup;
export const esbuildPlugin = unpluginI18nInline.esbuild;

export default unpluginI18nInline;
