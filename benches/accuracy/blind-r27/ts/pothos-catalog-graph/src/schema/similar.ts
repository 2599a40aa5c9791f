import neo4j from 'neo4j-driver';
import { builder, type Product } from '../builder.js';

// Recommendations team owns this resolver; it talks to the catalog graph directly.
const recoDriver = neo4j.driver(
  process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'),
  { maxConnectionPoolSize: 30 },
);

const MAX_SIMILAR = 12;

builder.queryField('similarProducts', (t) =>
  t.field({
    type: ['Product'],
    args: {
      sku: t.arg.id({ required: true }),
      limit: t.arg.int({ defaultValue: 6 }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = Math.min(args.limit ?? 6, MAX_SIMILAR);
      const session = recoDriver.session({
        database: process.env.NEO4J_DATABASE ?? 'catalog',
        defaultAccessMode: neo4j.session.READ,
      });

      const exists = await session.run('MATCH (p:Product {sku: $sku, tenant: $tenant}) RETURN count(p) AS n', {
        sku: String(args.sku),
        tenant: ctx.tenant,
      });
      if (exists.records[0].get('n').toNumber() === 0) {
        return [];
      }

      const result = await session.run(
        `MATCH (p:Product {sku: $sku, tenant: $tenant})<-[:BOUGHT]-(:Customer)-[:BOUGHT]->(other:Product)
         WHERE other <> p
         WITH other, count(*) AS strength
         ORDER BY strength DESC
         LIMIT $limit
         MATCH (other)-[:IN]->(c:Category)
         RETURN other { .sku, .name, .brand, .priceCents, categories: collect(c.name) } AS product`,
        { sku: String(args.sku), tenant: ctx.tenant, limit: neo4j.int(limit) },
      );
      await session.close();

      return result.records.map((r) => {
        const p = r.get('product');
        return {
          sku: p.sku,
          name: p.name,
          brand: p.brand,
          priceCents: neo4j.integer.toNumber(p.priceCents),
          categories: p.categories,
        } satisfies Product;
      });
    },
  }),
);
