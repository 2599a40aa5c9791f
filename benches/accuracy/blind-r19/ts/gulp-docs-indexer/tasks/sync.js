import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import matter from "gray-matter";
import glob from "fast-glob";
import { pool, qdrant } from "./clients.js";

const COLLECTION = "docs";

async function embed(text) {
  // plain fetch: the embeddings gateway is called a handful of times per edit
  const res = await fetch(process.env.EMBED_URL ?? "http://127.0.0.1:8080/embed", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ input: text }),
  });
  if (!res.ok) throw new Error(`embed failed: ${res.status}`);
  const { vector } = await res.json();
  return vector;
}

function pointId(path) {
  const h = createHash("sha1").update(path).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export async function syncFile(path) {
  const source = await readFile(path, "utf8");
  const { data, content } = matter(source);
  if (data.draft) return;

  await pool.query(
    `INSERT INTO pages (path, title, body, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (path) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, updated_at = now()`,
    [path, data.title ?? path, content],
  );
  await qdrant.upsert(COLLECTION, {
    wait: true,
    points: [{ id: pointId(path), vector: await embed(content), payload: { path, title: data.title } }],
  });
  console.log(`[sync] ${path}`);
}

export async function removeFile(path) {
  await pool.query("DELETE FROM pages WHERE path = $1", [path]);
  await qdrant.delete(COLLECTION, { wait: true, points: [pointId(path)] });
  console.log(`[sync] removed ${path}`);
}

export async function reindex() {
  const files = await glob("content/**/*.md");
  for (const file of files) {
    await syncFile(file);
  }
}
