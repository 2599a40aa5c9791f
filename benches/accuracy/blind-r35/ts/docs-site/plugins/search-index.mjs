/**
 * Metalsmith plugin: pushes every rendered HTML page into the docs search index.
 * The Elasticsearch client is owned by build.mjs and passed in.
 */
export default function searchIndex({ es, index }) {
  return async function searchIndexPlugin(files) {
    const operations = [];
    for (const [path, file] of Object.entries(files)) {
      if (!path.endsWith('.html')) continue;
      const text = file.contents.toString().replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
      operations.push({ index: { _index: index, _id: path } }, { path, title: file.title ?? path, text });
    }
    if (operations.length === 0) return;
    const res = await es.bulk({ operations, refresh: 'wait_for' });
    if (res.errors) throw new Error('search index bulk request had errors');
  };
}
