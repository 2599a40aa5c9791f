import http from "node:http";
import { randomUUID } from "node:crypto";
import { Server, type Upload } from "@tus/server";
import { S3Store } from "@tus/s3-store";
import { BUCKET, REGION, createPool, waitForDatabase } from "./db.js";

const ALLOWED_TYPES = new Set(["video/mp4", "video/quicktime", "image/jpeg", "image/png"]);
const MAX_SIZE = 5 * 1024 ** 3;

async function main(): Promise<void> {
  const pool = createPool("web");
  await waitForDatabase(pool);

  const tus = new Server({
    path: "/uploads",
    respectForwardedHeaders: true,
    maxSize: MAX_SIZE,
    datastore: new S3Store({
      partSize: 8 * 1024 * 1024,
      s3ClientConfig: { bucket: BUCKET, region: REGION },
    }),
    namingFunction: () => `incoming/${randomUUID()}`,

    // Called once per upload creation request.
    async onUploadCreate(req, res, upload: Upload) {
      const type = upload.metadata?.filetype ?? "";
      if (!ALLOWED_TYPES.has(type)) {
        throw { status_code: 415, body: `unsupported type ${type}\n` };
      }
      return res;
    },

    // Called once per completed upload: record it and let the worker pick it up.
    async onUploadFinish(req, res, upload: Upload) {
      await pool.query(
        `INSERT INTO media_jobs (upload_id, s3_key, filename, filetype, size_bytes, owner, state)
         VALUES ($1, $2, $3, $4, $5, $6, 'queued')
         ON CONFLICT (upload_id) DO NOTHING`,
        [
          upload.id,
          upload.id,
          upload.metadata?.filename ?? null,
          upload.metadata?.filetype ?? null,
          upload.size ?? null,
          req.headers["x-user-id"] ?? null,
        ],
      );
      return res;
    },
  });

  const server = http.createServer((req, res) => {
    if (req.url === "/healthz") {
      res.writeHead(200).end("ok");
      return;
    }
    tus.handle(req, res);
  });
  server.listen(Number(process.env.PORT ?? 1080), () => console.log("tus server listening"));

  process.once("SIGTERM", () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
