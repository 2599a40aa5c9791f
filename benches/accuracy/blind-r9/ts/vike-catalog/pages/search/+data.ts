import { Client } from '@elastic/elasticsearch';
import type { PageContextServer } from 'vike/types';

type Hit = { slug: string; title: string };

export async function data(pageContext: PageContextServer) {
  const q = pageContext.urlParsed.search.q ?? '';
  if (!q) return { q, hits: [] as Hit[] };

  const es = new Client({
    node: process.env.ELASTIC_URL ?? 'http://localhost:9200',
    auth: { apiKey: process.env.ELASTIC_API_KEY ?? '' },
  });
  const res = await es.search<Hit>({
    index: 'products',
    query: { multi_match: { query: q, fields: ['title^2', 'description'] } },
    size: 20,
  });
  return { q, hits: res.hits.hits.map(h => h._source!) };
}
