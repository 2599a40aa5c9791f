import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { Clients } from './clients.js';

interface Article {
  slug: string;
  title: string;
  body: string;
  updatedAt: Date;
}

/** Builds the tool set around already-connected clients. */
export function buildTools({ mongo, pool }: Clients) {
  const articles = mongo.db('kb').collection<Article>('articles');

  const searchArticles = tool(
    async ({ query }) => {
      const hits = await articles
        .find({ $text: { $search: query } }, { projection: { _id: 0, slug: 1, title: 1, body: 1 } })
        .limit(3)
        .toArray();
      return hits.length === 0
        ? 'No matching articles.'
        : hits.map((a) => `# ${a.title} (${a.slug})\n${a.body.slice(0, 800)}`).join('\n\n');
    },
    {
      name: 'search_articles',
      description: 'Full-text search over the internal knowledge base.',
      schema: z.object({ query: z.string().describe('search terms') }),
    },
  );

  const openTickets = tool(
    async ({ product }) => {
      const { rows } = await pool.query(
        `SELECT id, title, priority, opened_at FROM tickets
          WHERE product = $1 AND status = 'open' ORDER BY priority, opened_at LIMIT 10`,
        [product],
      );
      return JSON.stringify(rows);
    },
    {
      name: 'open_tickets',
      description: 'List open support tickets for a product.',
      schema: z.object({ product: z.string() }),
    },
  );

  const linkArticle = tool(
    async ({ ticketId, slug }) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO ticket_links (ticket_id, article_slug) VALUES ($1, $2)', [ticketId, slug]);
        const session = mongo.startSession();
        try {
          await session.withTransaction(async () => {
            await articles.updateOne({ slug }, { $addToSet: { linkedTickets: ticketId } }, { session });
          });
        } finally {
          await session.endSession();
        }
        await client.query('COMMIT');
        return `linked ${slug} to ticket ${ticketId}`;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        return `failed: ${(err as Error).message}`;
      } finally {
        client.release();
      }
    },
    {
      name: 'link_article',
      description: 'Attach a knowledge base article to a ticket.',
      schema: z.object({ ticketId: z.number().int(), slug: z.string() }),
    },
  );

  const serviceStatus = tool(
    async ({ service }) => {
      const res = await fetch(`https://status.internal.example.com/api/services/${encodeURIComponent(service)}`);
      return res.ok ? JSON.stringify(await res.json()) : `status page returned ${res.status}`;
    },
    {
      name: 'service_status',
      description: 'Current health of an internal service from the status page.',
      schema: z.object({ service: z.string() }),
    },
  );

  return [searchArticles, openTickets, linkArticle, serviceStatus];
}
