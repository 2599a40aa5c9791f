import { DeleteObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, relative } from "node:path";
import type { Pool } from "pg";

export interface Deps {
  s3: S3Client;
  pool: Pool;
  bucket: string;
  root: string;
}

export function makeHandlers({ s3, pool, bucket, root }: Deps) {
  const keyFor = (path: string) => `scans/${relative(root, path).split("\\").join("/")}`;

  async function upload(path: string): Promise<void> {
    const info = await stat(path);
    const key = keyFor(path);
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: createReadStream(path),
        ContentLength: info.size,
        ContentType: "application/pdf",
      }),
    );

    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO scans (s3_key, file_name, size_bytes, uploaded_at)
         VALUES ($1, $2, $3, now())
         ON CONFLICT (s3_key) DO UPDATE SET size_bytes = EXCLUDED.size_bytes, uploaded_at = now()`,
        [key, basename(path), info.size],
      );
      await client.query("INSERT INTO scan_events (s3_key, kind) VALUES ($1, 'uploaded')", [key]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  }

  return {
    onAdd: (path: string) => upload(path).catch((err) => console.error(`upload ${path} failed`, err)),
    onChange: (path: string) => upload(path).catch((err) => console.error(`re-upload ${path} failed`, err)),
    onUnlink: async (path: string) => {
      const key = keyFor(path);
      try {
        await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
        await pool.query("UPDATE scans SET deleted_at = now() WHERE s3_key = $1", [key]);
      } catch (err) {
        console.error(`delete ${path} failed`, err);
      }
    },
  };
}
