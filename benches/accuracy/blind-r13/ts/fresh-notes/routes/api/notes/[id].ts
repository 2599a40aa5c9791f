import { Handlers } from "$fresh/server.ts";
import { State, withClient } from "../../../utils/db.ts";

interface Note {
  id: string;
  title: string;
  body: string;
  version: number;
}

export const handler: Handlers<Note | null, State> = {
  async GET(_req, ctx) {
    const { rows } = await ctx.state.pool.query<Note>(
      "SELECT id, title, body, version FROM notes WHERE id = $1 AND owner_id = $2",
      [ctx.params.id, ctx.state.userId],
    );
    return rows[0] ? Response.json(rows[0]) : new Response("not found", { status: 404 });
  },

  async PUT(req, ctx) {
    if (!ctx.state.userId) return new Response("unauthorized", { status: 401 });
    const patch = (await req.json()) as { title: string; body: string; version: number };

    return await withClient(async (client) => {
      await client.query("BEGIN");
      try {
        const res = await client.query<Note>(
          `UPDATE notes SET title = $1, body = $2, version = version + 1
            WHERE id = $3 AND owner_id = $4 AND version = $5
            RETURNING id, title, body, version`,
          [patch.title, patch.body, ctx.params.id, ctx.state.userId, patch.version],
        );
        if (res.rowCount === 0) {
          await client.query("ROLLBACK");
          return new Response("version conflict", { status: 409 });
        }
        await client.query("INSERT INTO note_history (note_id, version, body) VALUES ($1, $2, $3)", [
          res.rows[0].id,
          res.rows[0].version,
          res.rows[0].body,
        ]);
        await client.query("COMMIT");
        return Response.json(res.rows[0]);
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    });
  },
};
