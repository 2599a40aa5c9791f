import Redis from 'ioredis';
import type { LoaderContext } from 'webpack';

interface TranslationsLoaderOptions {
  redisUrl: string;
  fallbackLocale?: string;
}

type Messages = Record<string, string>;

/**
 * Loader for `*.i18n.json` files: merges the checked-in default strings with
 * the latest strings published by the translation service (kept in Redis),
 * so a rebuild picks up new copy without a commit.
 */
export default function translationsLoader(
  this: LoaderContext<TranslationsLoaderOptions>,
  source: string,
): void {
  const callback = this.async();
  const options = this.getOptions();
  const namespace = this.resourcePath.split(/[\\/]/).pop()!.replace('.i18n.json', '');
  const defaults = JSON.parse(source) as Record<string, Messages>;

  this.cacheable(false);

  const redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });

  (async () => {
    await redis.connect();
    const locales = Object.keys(defaults);
    const merged: Record<string, Messages> = {};
    for (const locale of locales) {
      const published = await redis.hgetall(`i18n:${locale}:${namespace}`);
      merged[locale] = { ...defaults[locale], ...published };
    }
    const fallback = options.fallbackLocale ?? 'en';
    if (!merged[fallback]) merged[fallback] = defaults[fallback] ?? {};
    return `export default ${JSON.stringify(merged)};`;
  })()
    .then((code) => callback(null, code))
    .catch((err: Error) => callback(err))
    .finally(() => {
      redis.disconnect();
    });
}
