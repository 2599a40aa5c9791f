import { defineEventHandler, getQuery } from 'h3';
import { Client } from '@elastic/elasticsearch';

interface ProductDoc {
  slug: string;
  title: string;
  price_cents: number;
  tags: string[];
}

export default defineEventHandler(async (event) => {
  const { q = '', page = '1', tag } = getQuery(event) as Record<string, string | undefined>;
  const from = (Math.max(Number(page) || 1, 1) - 1) * 24;

  const es = new Client({
    node: process.env['ELASTIC_URL'],
    auth: { apiKey: process.env['ELASTIC_API_KEY'] as string },
  });

  const result = await es.search<ProductDoc>({
    index: 'products',
    from,
    size: 24,
    query: {
      bool: {
        must: q
          ? [{ multi_match: { query: q, fields: ['title^3', 'description', 'tags'] } }]
          : [{ match_all: {} }],
        filter: tag ? [{ term: { tags: tag } }] : [],
      },
    },
    highlight: { fields: { title: {} } },
  });

  const total =
    typeof result.hits.total === 'number' ? result.hits.total : result.hits.total?.value ?? 0;

  return {
    total,
    page: Number(page) || 1,
    items: result.hits.hits.map((h) => ({
      ...h._source,
      highlight: h.highlight?.['title']?.[0] ?? null,
    })),
  };
});
