// Runs inside an Electron utility process (utilityProcess.fork), i.e. its own OS process.
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { createPool, IndexRequest, IndexResult } from "../shared/db";

const pool = createPool(4);

async function indexFile(path: string): Promise<number> {
  const text = await readFile(path, "utf8");
  const digest = createHash("sha1").update(text).digest("hex");
  const words = text.split(/\s+/).filter(Boolean);

  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO documents (path, sha1, indexed_at) VALUES ($1, $2, now())
       ON CONFLICT (path) DO UPDATE SET sha1 = EXCLUDED.sha1, indexed_at = now()
       RETURNING id`,
      [path, digest],
    );
    await client.query("DELETE FROM document_terms WHERE document_id = $1", [rows[0].id]);
    await client.query(
      "INSERT INTO document_terms (document_id, term) SELECT $1, unnest($2::text[])",
      [rows[0].id, [...new Set(words.map((w) => w.toLowerCase()))]],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
  return words.length;
}

process.parentPort.on("message", async (e) => {
  const req = e.data as IndexRequest;
  if (req.kind !== "index") return;
  try {
    const words = await indexFile(req.path);
    const result: IndexResult = { kind: "indexed", path: req.path, words };
    process.parentPort.postMessage(result);
  } catch (err) {
    process.parentPort.postMessage({ kind: "error", path: req.path, message: String(err) });
  }
});

process.on("exit", () => {
  void pool.end();
});
