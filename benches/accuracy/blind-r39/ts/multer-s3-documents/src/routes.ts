import { Router } from "express";
import type { Multer } from "multer";
import type { Pool } from "pg";

import type { StoredFile } from "./storage/s3Engine";

export function makeRouter({ pool, upload }: { pool: Pool; upload: Multer }): Router {
  const router = Router();

  router.post("/cases/:caseId/documents", upload.array("files", 10), async (req, res, next) => {
    const files = (req.files ?? []) as (Express.Multer.File & StoredFile)[];
    if (files.length === 0) return res.status(400).json({ error: "no files" });

    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const ids: string[] = [];
      for (const f of files) {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO case_documents (case_id, bucket, object_key, filename, mime_type, size_bytes)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [req.params.caseId, f.bucket, f.key, f.originalname, f.mimetype, f.size],
        );
        ids.push(rows[0]!.id);
      }
      await client.query("UPDATE cases SET updated_at = now() WHERE id = $1", [req.params.caseId]);
      await client.query("COMMIT");
      res.status(201).json({ ids });
    } catch (err) {
      await client.query("ROLLBACK");
      next(err);
    } finally {
      client.release();
    }
  });

  router.get("/cases/:caseId/documents", async (req, res, next) => {
    try {
      const { rows } = await pool.query(
        "SELECT id, filename, mime_type, size_bytes, created_at FROM case_documents WHERE case_id = $1 ORDER BY created_at DESC",
        [req.params.caseId],
      );
      res.json(rows);
    } catch (err) {
      next(err);
    }
  });

  return router;
}
