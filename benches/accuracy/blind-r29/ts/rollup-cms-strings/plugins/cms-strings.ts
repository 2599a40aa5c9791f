import type { Plugin } from 'rollup';
import { createFilter, type FilterPattern } from '@rollup/pluginutils';
import MagicString from 'magic-string';
import { MongoClient } from 'mongodb';

interface CmsStringsOptions {
  locale: string;
  include?: FilterPattern;
  exclude?: FilterPattern;
}

interface CopyDoc {
  key: string;
  locale: string;
  text: string;
}

const CALL_RE = /\bcms\(\s*(['"])([\w.-]+)\1\s*\)/g;

/**
 * Inlines marketing copy at build time: `cms('checkout.cta')` becomes the string
 * the content team published for the target locale.
 */
export function cmsStrings(options: CmsStringsOptions): Plugin {
  const filter = createFilter(options.include, options.exclude);

  return {
    name: 'cms-strings',

    // Called once for every module in the graph, and again for every changed module in watch mode.
    async transform(code, id) {
      if (!filter(id) || !code.includes('cms(')) return null;

      const keys = [...new Set([...code.matchAll(CALL_RE)].map((m) => m[2]))];
      if (keys.length === 0) return null;

      const client = new MongoClient(process.env.CMS_MONGO_URL ?? 'mongodb://localhost:27017', {
        appName: 'rollup-cms-strings',
        serverSelectionTimeoutMS: 5000,
      });
      let copy: Map<string, string>;
      try {
        await client.connect();
        const docs = await client
          .db('cms')
          .collection<CopyDoc>('copy')
          .find({ key: { $in: keys }, locale: options.locale }, { projection: { _id: 0, key: 1, text: 1 } })
          .toArray();
        copy = new Map(docs.map((d) => [d.key, d.text]));
      } finally {
        await client.close();
      }

      const s = new MagicString(code);
      for (const m of code.matchAll(CALL_RE)) {
        const text = copy.get(m[2]);
        if (text === undefined) {
          this.warn(`cms-strings: no ${options.locale} copy for "${m[2]}" (${id})`);
          continue;
        }
        s.overwrite(m.index!, m.index! + m[0].length, JSON.stringify(text));
      }
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
