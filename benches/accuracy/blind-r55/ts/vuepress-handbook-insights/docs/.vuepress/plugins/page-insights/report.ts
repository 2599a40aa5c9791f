import pg from "pg";

export interface PageSummary {
  path: string;
  title: string;
  views30d: number;
  ageDays: number;
}

/**
 * Runs once at the end of `vuepress build` (CI): stores a snapshot of page
 * freshness so the docs team dashboard can chart stale-but-popular pages.
 */
export async function writeBuildReport(
  databaseUrl: string,
  vuepressVersion: string,
  pages: PageSummary[]
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "handbook-build" });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: number }>(
      "INSERT INTO handbook_builds (commit_sha, vuepress_version, page_count) VALUES ($1, $2, $3) RETURNING id",
      [process.env.CI_COMMIT_SHA ?? "local", vuepressVersion, pages.length]
    );
    for (const p of pages) {
      await client.query(
        `INSERT INTO handbook_page_snapshots (build_id, path, title, views_30d, age_days)
         VALUES ($1, $2, $3, $4, $5)`,
        [rows[0].id, p.path, p.title, p.views30d, p.ageDays]
      );
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    await client.end();
  }
}
