import { z } from 'genkit';
import { MongoClient } from 'mongodb';
import { ai } from './ai.js';
import { sql, type OrderRow } from './db.js';

const OrderOut = z.object({
  found: z.boolean(),
  status: z.string().optional(),
  carrier: z.string().nullable().optional(),
  trackingNumber: z.string().nullable().optional(),
  totalEur: z.number().optional(),
});

export const lookupOrder = ai.defineTool(
  {
    name: 'lookupOrder',
    description: 'Look up an order by its id and the customer email that placed it',
    inputSchema: z.object({ orderId: z.string(), email: z.string().email() }),
    outputSchema: OrderOut,
  },
  async ({ orderId, email }) => {
    const reserved = await sql.reserve();
    const rows = await reserved<OrderRow[]>`
      select o.id, o.status, o.carrier, o.tracking_number, o.placed_at, o.total_cents
      from orders o join customers c on c.id = o.customer_id
      where o.id = ${orderId} and lower(c.email) = lower(${email})
    `;
    if (rows.length === 0) {
      return { found: false };
    }
    await reserved`update orders set support_lookups = support_lookups + 1 where id = ${orderId}`;
    reserved.release();

    const o = rows[0];
    return {
      found: true,
      status: o.status,
      carrier: o.carrier,
      trackingNumber: o.tracking_number,
      totalEur: o.total_cents / 100,
    };
  },
);

const Article = z.object({ title: z.string(), url: z.string(), excerpt: z.string() });

export const searchHelpCenter = ai.defineTool(
  {
    name: 'searchHelpCenter',
    description: 'Full-text search over published help-center articles',
    inputSchema: z.object({ query: z.string(), locale: z.string().default('en') }),
    outputSchema: z.array(Article),
  },
  async ({ query, locale }) => {
    const mongo = new MongoClient(process.env.HELPCENTER_MONGO_URL!, { appName: 'support-agent' });
    await mongo.connect();
    try {
      const docs = await mongo
        .db('helpcenter')
        .collection('articles')
        .find(
          { $text: { $search: query }, locale, published: true },
          { projection: { title: 1, slug: 1, body: 1, score: { $meta: 'textScore' } } },
        )
        .sort({ score: { $meta: 'textScore' } })
        .limit(4)
        .toArray();
      return docs.map((d) => ({
        title: String(d.title),
        url: `https://help.acme.io/${locale}/${d.slug}`,
        excerpt: String(d.body).slice(0, 400),
      }));
    } finally {
      await mongo.close();
    }
  },
);
