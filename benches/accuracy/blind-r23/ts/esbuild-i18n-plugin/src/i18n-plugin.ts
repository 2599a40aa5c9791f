import type { Plugin } from 'esbuild';
import path from 'node:path';
import fs from 'node:fs/promises';
import pg from 'pg';

export type I18nOptions = {
  databaseUrl: string;
  locales: string[];
  fallbackLocale?: string;
};

type Row = { key: string; locale: string; value: string };

// Resolves `import t from './checkout.i18n.json'` to a module with the reviewed
// strings for every configured locale. One pool per esbuild context: setup()
// runs once, onLoad runs per matching file (and again on every rebuild in watch).
export function i18nPlugin(opts: I18nOptions): Plugin {
  return {
    name: 'acme-i18n',
    setup(build) {
      const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 3, application_name: 'esbuild-i18n' });
      const cache = new Map<string, Row[]>();
      const fallback = opts.fallbackLocale ?? 'en';

      build.onStart(() => {
        // strings may have been reviewed since the last rebuild
        cache.clear();
      });

      build.onLoad({ filter: /\.i18n\.json$/ }, async (args) => {
        const manifest = JSON.parse(await fs.readFile(args.path, 'utf8')) as { namespace: string; keys: string[] };
        const cacheKey = `${manifest.namespace}:${manifest.keys.join(',')}`;

        let rows = cache.get(cacheKey);
        if (!rows) {
          const res = await pool.query<Row>(
            `select key, locale, value
               from strings
              where namespace = $1 and key = any($2) and locale = any($3) and status = 'reviewed'`,
            [manifest.namespace, manifest.keys, opts.locales],
          );
          rows = res.rows;
          cache.set(cacheKey, rows);
        }

        const table: Record<string, Record<string, string>> = {};
        const warnings = [];
        for (const locale of opts.locales) {
          table[locale] = {};
          for (const key of manifest.keys) {
            const hit = rows.find((r) => r.key === key && r.locale === locale)
              ?? rows.find((r) => r.key === key && r.locale === fallback);
            if (!hit) {
              warnings.push({ text: `missing string ${manifest.namespace}.${key} (${locale})` });
              continue;
            }
            table[locale][key] = hit.value;
          }
        }

        return {
          contents: `export default ${JSON.stringify(table)};`,
          loader: 'js',
          resolveDir: path.dirname(args.path),
          watchFiles: [args.path],
          warnings,
        };
      });

      build.onDispose(() => {
        void pool.end();
      });
    },
  };
}
