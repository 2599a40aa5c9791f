import { Queue } from "quirrel/express";
import Redis from "ioredis";
import { query } from "../db";

export interface DigestJob {
  subscriberId: string;
  email: string;
  locale: string;
}

interface Article {
  id: string;
  title: string;
  slug: string;
  published_at: Date;
}

const MAX_ITEMS = 8;

export default Queue<DigestJob>(
  "queues/digest",
  async (job) => {
    const seen = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
    const seenKey = `digest:seen:${job.subscriberId}`;

    const articles = await query<Article>(
      `SELECT id, title, slug, published_at
         FROM articles
        WHERE published_at > now() - interval '7 days'
          AND locale = $1
        ORDER BY published_at DESC
        LIMIT 50`,
      [job.locale],
    );

    const fresh: Article[] = [];
    for (const article of articles) {
      const already = await seen.sismember(seenKey, article.id);
      if (!already) fresh.push(article);
      if (fresh.length >= MAX_ITEMS) break;
    }

    if (fresh.length === 0) {
      console.log(`[digest] nothing new for ${job.email}`);
      return;
    }

    await seen.sadd(seenKey, ...fresh.map((a) => a.id));
    await seen.expire(seenKey, 60 * 60 * 24 * 90);

    await query(
      `INSERT INTO outbound_mail (recipient, template, payload)
       VALUES ($1, 'weekly-digest', $2)`,
      [job.email, JSON.stringify({ items: fresh.map((a) => ({ title: a.title, slug: a.slug })) })],
    );
    await query(`UPDATE subscribers SET last_digest_at = now() WHERE id = $1`, [job.subscriberId]);
  },
  { retry: ["1min", "10min"] },
);
