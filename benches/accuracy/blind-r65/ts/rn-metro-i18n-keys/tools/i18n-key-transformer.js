// Babel transformer used by Metro: records which translation keys the app
// still references so the translation dashboard can flag unused strings.
const upstreamTransformer = require('@react-native/metro-babel-transformer');
const Redis = require('ioredis');

const KEY_RE = /\bt\(\s*['"`]([A-Za-z0-9_.:-]+)['"`]/g;
const REDIS_URL = process.env.I18N_REDIS_URL || 'redis://127.0.0.1:6379';

function extractKeys(src) {
  const keys = new Set();
  for (const match of src.matchAll(KEY_RE)) keys.add(match[1]);
  return [...keys];
}

module.exports.transform = async function transform({ src, filename, options }) {
  const isAppSource = !filename.includes('node_modules') && /\.[jt]sx?$/.test(filename);
  if (isAppSource) {
    const keys = extractKeys(src);
    if (keys.length > 0) {
      const redis = new Redis(REDIS_URL);
      await redis
        .multi()
        .sadd(`i18n:used:${options.platform || 'all'}`, ...keys)
        .hset('i18n:files', filename, keys.join(','))
        .exec();
    }
  }
  return upstreamTransformer.transform({ src, filename, options });
};
