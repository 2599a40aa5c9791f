import { makePgPool } from "../db.js";
import type { FieldDoc } from "../types.js";

const SEVERITIES = new Set(["low", "medium", "high", "critical"]);

export async function saveDefect(doc: FieldDoc): Promise<void> {
  const severity = String(doc.severity ?? "low");
  if (!SEVERITIES.has(severity)) {
    console.warn(`defect ${doc._id} has unknown severity ${severity}`);
    return;
  }

  const pool = makePgPool();
  await pool.query(
    `INSERT INTO defects (doc_id, site_id, inspector_id, severity, description, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (doc_id) DO UPDATE
       SET severity = EXCLUDED.severity, description = EXCLUDED.description`,
    [doc._id, doc.siteId, doc.inspectorId, severity, doc.description ?? "", doc.createdAt]
  );

  if (severity === "critical") {
    await pool.query("SELECT pg_notify('critical_defect', $1)", [doc._id]);
  }
}
