import { ContextPlugin } from "@webiny/api";
import { CmsContext } from "@webiny/api-headless-cms/types";
import { Pool } from "pg";

export interface ArticleStats {
  views: number;
  uniqueReaders: number;
  avgReadSeconds: number;
}

export interface AnalyticsStore {
  statsFor(entryId: string): Promise<ArticleStats>;
  trending(limit: number): Promise<string[]>;
}

export interface AnalyticsContext extends CmsContext {
  analytics: AnalyticsStore;
}

// Attaches the reporting-warehouse reader to the Webiny context so GraphQL
// resolvers and lifecycle hooks can use `context.analytics`.
export const analyticsContext = new ContextPlugin<AnalyticsContext>(async (context) => {
  const warehouse = new Pool({
    connectionString: process.env.ANALYTICS_DATABASE_URL,
    max: 3,
    statement_timeout: 5000,
  });

  context.analytics = {
    async statsFor(entryId) {
      const { rows } = await warehouse.query(
        `SELECT coalesce(sum(views), 0)::int AS views,
                count(DISTINCT reader_id)::int AS unique_readers,
                coalesce(avg(read_seconds), 0)::float AS avg_read_seconds
           FROM article_views
          WHERE entry_id = $1`,
        [entryId],
      );
      const r = rows[0];
      return { views: r.views, uniqueReaders: r.unique_readers, avgReadSeconds: r.avg_read_seconds };
    },
    async trending(limit) {
      const { rows } = await warehouse.query<{ entry_id: string }>(
        `SELECT entry_id FROM article_views
          WHERE viewed_at > now() - interval '24 hours'
          GROUP BY entry_id ORDER BY count(*) DESC LIMIT $1`,
        [limit],
      );
      return rows.map((r) => r.entry_id);
    },
  };
});
