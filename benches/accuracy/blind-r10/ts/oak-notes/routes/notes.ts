import { Router } from "@oak/oak";
import { pool } from "../db.ts";

interface Draft {
  body: string;
  updatedAt: number;
}

export const notes = new Router({ prefix: "/notes" });

notes.get("/", async (ctx) => {
  const client = await pool.connect();
  try {
    const result = await client.queryObject<{ id: number; title: string; published_at: Date | null }>`
      SELECT id, title, published_at FROM notes ORDER BY id DESC LIMIT 50`;
    ctx.response.body = result.rows;
  } finally {
    client.release();
  }
});

notes.get("/:id/draft", async (ctx) => {
  const kv = await Deno.openKv();
  const draft = await kv.get<Draft>(["drafts", ctx.params.id]);
  ctx.response.body = draft.value ?? { body: "", updatedAt: 0 };
});

notes.put("/:id/draft", async (ctx) => {
  const { body } = await ctx.request.body.json();
  const kv = await Deno.openKv();
  await kv.set(["drafts", ctx.params.id], { body, updatedAt: Date.now() } satisfies Draft, {
    expireIn: 7 * 24 * 3600 * 1000,
  });
  ctx.response.status = 204;
});

notes.post("/:id/publish", async (ctx) => {
  const id = Number(ctx.params.id);
  const client = await pool.connect();
  const tx = client.createTransaction(`publish_${id}`);
  await tx.begin();

  const existing = await tx.queryObject<{ id: number }>`SELECT id FROM notes WHERE id = ${id} FOR UPDATE`;
  if (existing.rows.length === 0) {
    await tx.rollback();
    ctx.response.status = 404;
    return;
  }

  await tx.queryObject`UPDATE notes SET published_at = now() WHERE id = ${id}`;
  await tx.commit();
  client.release();
  ctx.response.status = 204;
});
