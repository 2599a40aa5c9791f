import type { Config, Context } from "@netlify/functions";
import { neon } from "@neondatabase/serverless";
import { Redis } from "@upstash/redis";

// Upstash talks REST over fetch: nothing to pool, safe at module scope.
const redis = Redis.fromEnv();

export default async (req: Request, context: Context) => {
  if (req.method !== "POST") return new Response("Method Not Allowed", { status: 405 });

  const ip = context.ip;
  const attempts = await redis.incr(`signup:${ip}`);
  if (attempts === 1) await redis.expire(`signup:${ip}`, 3600);
  if (attempts > 5) return new Response("Too many signups", { status: 429 });

  const { email, name } = (await req.json()) as { email?: string; name?: string };
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    return Response.json({ error: "invalid email" }, { status: 400 });
  }

  // neon() returns an HTTP query function (one fetch per query), not a pool
  // or a socket, so building it per invocation opens no connection.
  const sql = neon(process.env.DATABASE_URL!);
  const [row] = await sql`
    INSERT INTO waitlist (email, name, source_ip)
    VALUES (${email.toLowerCase()}, ${name ?? null}, ${ip})
    ON CONFLICT (email) DO UPDATE SET name = COALESCE(EXCLUDED.name, waitlist.name)
    RETURNING id, (xmax = 0) AS inserted
  `;

  return Response.json({ id: row.id, new: row.inserted }, { status: row.inserted ? 201 : 200 });
};

export const config: Config = {
  path: "/api/signup",
};
