import express from "express";
import multer from "multer";

import { buildClients } from "./clients";
import { makeRouter } from "./routes";
import { S3StorageEngine } from "./storage/s3Engine";

function main() {
  const { s3, pool } = buildClients();

  const upload = multer({
    storage: new S3StorageEngine(s3, process.env.DOCUMENTS_BUCKET ?? "case-documents"),
    limits: { fileSize: 50 * 1024 * 1024, files: 10 },
    fileFilter: (_req, file, cb) => cb(null, /^(application\/pdf|image\/(png|jpeg))$/.test(file.mimetype)),
  });

  const app = express();
  app.use("/api", makeRouter({ pool, upload }));
  app.get("/healthz", (_req, res) => res.send("ok"));

  const server = app.listen(Number(process.env.PORT ?? 3000));

  process.on("SIGTERM", () => {
    server.close(async () => {
      await pool.end();
      s3.destroy();
      process.exit(0);
    });
  });
}

main();
