import { cache, pool } from "./db.ts";
import { NoteRepository } from "./notes.ts";

const notes = new NoteRepository(pool);

const json = (data: unknown, status = 200) =>
  new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json" } });

async function handler(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const match = url.pathname.match(/^\/notes\/(\d+)$/);

  if (match && req.method === "GET") {
    const id = Number(match[1]);
    const redis = await cache();
    const hit = await redis.get(`note:${id}`);
    if (hit) return new Response(hit, { headers: { "content-type": "application/json", "x-cache": "hit" } });

    const note = await notes.get(id);
    if (!note) return json({ error: "not found" }, 404);
    await redis.set(`note:${id}`, JSON.stringify(note), { ex: 120 });
    return json(note);
  }

  if (url.pathname === "/notes" && req.method === "POST") {
    const { title, body } = await req.json();
    const note = await notes.create(String(title), String(body ?? ""));
    return json(note, 201);
  }

  return json({ error: "not found" }, 404);
}

Deno.serve({ port: Number(Deno.env.get("PORT") ?? 8000) }, handler);

Deno.addSignalListener("SIGTERM", async () => {
  await pool.end();
  (await cache()).close();
  Deno.exit(0);
});
