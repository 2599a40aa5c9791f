import { connect } from '@planetscale/database';
import { neon } from '@neondatabase/serverless';
import { Redis } from '@upstash/redis/cloudflare';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/planetscale-serverless';
import { links } from './schema';

export interface Env {
  DATABASE_HOST: string;
  DATABASE_USERNAME: string;
  DATABASE_PASSWORD: string;
  ANALYTICS_DATABASE_URL: string;
  UPSTASH_REDIS_REST_URL: string;
  UPSTASH_REDIS_REST_TOKEN: string;
}

// Workers isolates do not share sockets across requests; every driver used here talks HTTP
// (fetch), so building them from `env` per request costs nothing but an object allocation.
function database(env: Env) {
  const conn = connect({
    host: env.DATABASE_HOST,
    username: env.DATABASE_USERNAME,
    password: env.DATABASE_PASSWORD,
  });
  return drizzle(conn);
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    const slug = url.pathname.slice(1);
    if (!slug) return new Response('links service', { status: 200 });

    const redis = Redis.fromEnv(env);
    const cached = await redis.get<string>(`link:${slug}`);
    if (cached) {
      ctx.waitUntil(redis.incr(`hits:${slug}`));
      return Response.redirect(cached, 302);
    }

    const db = database(env);
    const [link] = await db.select().from(links).where(eq(links.slug, slug)).limit(1);
    if (!link) return new Response('not found', { status: 404 });

    ctx.waitUntil(
      Promise.all([
        redis.set(`link:${slug}`, link.target, { ex: 3600 }),
        redis.incr(`hits:${slug}`),
      ]),
    );
    return Response.redirect(link.target, 302);
  },

  async scheduled(_controller: ScheduledController, env: Env): Promise<void> {
    const redis = Redis.fromEnv(env);
    const keys = await redis.keys('hits:*');
    if (keys.length === 0) return;

    const db = database(env);
    const analytics = neon(env.ANALYTICS_DATABASE_URL);

    for (const key of keys) {
      const count = Number((await redis.getdel<number>(key)) ?? 0);
      if (!count) continue;
      const slug = key.slice('hits:'.length);
      await db.update(links).set({ hits: sql`${links.hits} + ${count}` }).where(eq(links.slug, slug));
      await analytics`insert into link_hits (slug, hits, flushed_at) values (${slug}, ${count}, now())`;
    }
  },
} satisfies ExportedHandler<Env>;
