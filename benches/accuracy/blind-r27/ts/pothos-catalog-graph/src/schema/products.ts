import { Client } from '@elastic/elasticsearch';
import { builder, type Product } from '../builder.js';
import { toNumber, withRead } from '../graph.js';

function toProduct(record: Record<string, unknown>): Product {
  return {
    sku: String(record.sku),
    name: String(record.name),
    brand: String(record.brand),
    priceCents: toNumber(record.priceCents),
    categories: (record.categories as string[]) ?? [],
  };
}

builder.queryField('product', (t) =>
  t.field({
    type: 'Product',
    nullable: true,
    args: { sku: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      withRead(async (session) => {
        const result = await session.executeRead((tx) =>
          tx.run(
            `MATCH (p:Product {sku: $sku, tenant: $tenant})-[:IN]->(c:Category)
             RETURN p { .sku, .name, .brand, .priceCents, categories: collect(c.name) } AS product`,
            { sku: String(args.sku), tenant: ctx.tenant },
          ),
        );
        const row = result.records[0];
        return row ? toProduct(row.get('product')) : null;
      }),
  }),
);

builder.queryField('search', (t) =>
  t.field({
    type: ['SearchHit'],
    args: {
      text: t.arg.string({ required: true }),
      limit: t.arg.int({ defaultValue: 20 }),
    },
    resolve: async (_root, args, ctx) => {
      const es = new Client({
        node: process.env.ELASTICSEARCH_URL ?? 'http://localhost:9200',
        auth: { apiKey: process.env.ELASTICSEARCH_API_KEY ?? '' },
        requestTimeout: 5_000,
      });

      const response = await es.search<{ sku: string; name: string }>({
        index: `products-${ctx.tenant}-${ctx.locale}`,
        size: Math.min(args.limit ?? 20, 100),
        query: {
          multi_match: {
            query: args.text,
            fields: ['name^3', 'brand^2', 'description'],
            fuzziness: 'AUTO',
          },
        },
      });

      return response.hits.hits.map((hit) => ({
        sku: hit._source!.sku,
        name: hit._source!.name,
        score: hit._score ?? 0,
      }));
    },
  }),
);
