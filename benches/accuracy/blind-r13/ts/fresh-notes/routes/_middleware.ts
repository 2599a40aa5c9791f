import { FreshContext } from "$fresh/server.ts";
import { getPool, State } from "../utils/db.ts";

export async function handler(req: Request, ctx: FreshContext<State>) {
  ctx.state.pool = getPool();

  const token = req.headers.get("authorization")?.replace(/^Bearer /, "");
  if (token) {
    const { rows } = await ctx.state.pool.query<{ user_id: string }>(
      "SELECT user_id FROM api_tokens WHERE token_hash = encode(digest($1, 'sha256'), 'hex') AND revoked_at IS NULL",
      [token],
    );
    ctx.state.userId = rows[0]?.user_id ?? null;
  } else {
    ctx.state.userId = null;
  }

  const resp = await ctx.next();
  resp.headers.set("x-served-by", "fresh-notes");
  return resp;
}
