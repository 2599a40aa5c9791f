import { Handlers } from "$fresh/server.ts";
import { State } from "../../../utils/db.ts";

// Server-sent events: poll the shared pool every few seconds for changed notes.
export const handler: Handlers<unknown, State> = {
  GET(_req, ctx) {
    const { pool, userId } = ctx.state;
    let since = new Date();
    let timer: number | undefined;
    const enc = new TextEncoder();

    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        timer = setInterval(async () => {
          const { rows } = await pool.query<{ id: string; title: string; updated_at: Date }>(
            "SELECT id, title, updated_at FROM notes WHERE owner_id = $1 AND updated_at > $2 ORDER BY updated_at",
            [userId, since],
          );
          for (const row of rows) {
            since = row.updated_at;
            controller.enqueue(enc.encode(`event: note\ndata: ${JSON.stringify({ id: row.id, title: row.title })}\n\n`));
          }
        }, 3_000);
      },
      cancel() {
        clearInterval(timer);
      },
    });

    return new Response(body, {
      headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
    });
  },
};
