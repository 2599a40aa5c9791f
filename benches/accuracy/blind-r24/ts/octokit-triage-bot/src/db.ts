import pg from "pg";

export const db = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

db.on("error", (err) => {
  console.error("idle pg client error", err);
});

export interface RepoSettings {
  repo_full_name: string;
  auto_label: boolean;
  size_labels: boolean;
  triage_team: string | null;
}

export async function loadSettings(fullName: string): Promise<RepoSettings | null> {
  const { rows } = await db.query<RepoSettings>(
    `select repo_full_name, auto_label, size_labels, triage_team
       from repo_settings where repo_full_name = $1`,
    [fullName],
  );
  return rows[0] ?? null;
}
