import { Client } from "pg";

interface ReleaseRow {
  version: string;
  released_on: string;
  kind: "feature" | "fix" | "breaking";
  summary: string;
}

const HEADINGS: Record<ReleaseRow["kind"], string> = {
  breaking: "Breaking changes",
  feature: "Features",
  fix: "Fixes",
};

/** Renders the last N releases from the release database as Markdown. */
export async function changelogMarkdown(db: Client, releases = 20): Promise<string> {
  const { rows } = await db.query<ReleaseRow>(
    `SELECT r.version, to_char(r.released_on, 'YYYY-MM-DD') AS released_on, n.kind, n.summary
       FROM releases r
       JOIN release_notes n ON n.release_id = r.id
      WHERE r.id IN (SELECT id FROM releases WHERE published ORDER BY released_on DESC LIMIT $1)
      ORDER BY r.released_on DESC, n.kind, n.position`,
    [releases],
  );

  const out: string[] = ["# Changelog", ""];
  let version = "";
  let kind = "";
  for (const row of rows) {
    if (row.version !== version) {
      version = row.version;
      kind = "";
      out.push(`## ${row.version} (${row.released_on})`, "");
    }
    if (row.kind !== kind) {
      kind = row.kind;
      out.push(`### ${HEADINGS[row.kind]}`, "");
    }
    out.push(`- ${row.summary}`);
  }
  return out.join("\n") + "\n";
}
