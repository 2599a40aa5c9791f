import { Queue } from "quirrel/express";
import { pool } from "../db";

export interface ReindexJob {
  articleId: string;
  reason: "edited" | "published" | "unpublished";
}

interface ArticleRow {
  id: string;
  title: string;
  body: string;
  tags: string[];
  status: string;
}

function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, " ")
    .split(/\s+/)
    .filter((t) => t.length > 2);
}

export default Queue<ReindexJob>("queues/reindex", async (job) => {
  const client = await pool.connect();
  await client.query("BEGIN");

  const { rows } = await client.query<ArticleRow>(
    `SELECT id, title, body, tags, status FROM articles WHERE id = $1 FOR UPDATE`,
    [job.articleId],
  );
  const article = rows[0];
  if (!article) {
    console.warn(`[reindex] article ${job.articleId} vanished, skipping`);
    return;
  }

  await client.query(`DELETE FROM search_terms WHERE article_id = $1`, [article.id]);

  if (article.status === "published") {
    const terms = new Set([...tokenize(article.title), ...tokenize(article.body), ...article.tags]);
    for (const term of terms) {
      await client.query(
        `INSERT INTO search_terms (article_id, term) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [article.id, term],
      );
    }
  }

  await client.query(
    `INSERT INTO reindex_log (article_id, reason, indexed_at) VALUES ($1, $2, now())`,
    [article.id, job.reason],
  );
  await client.query("COMMIT");
  client.release();
});
