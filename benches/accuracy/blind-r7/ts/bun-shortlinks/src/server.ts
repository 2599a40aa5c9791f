import { SQL } from 'bun';
import { uploadPreview } from './storage';

const db = new SQL({ url: process.env.DATABASE_URL!, max: 10, idleTimeout: 30 });

function notFound() {
  return new Response('not found', { status: 404 });
}

Bun.serve({
  port: Number(process.env.PORT ?? 3000),
  async fetch(req) {
    const url = new URL(req.url);

    if (url.pathname === '/api/links' && req.method === 'GET') {
      const rows = await db`SELECT id, slug, target, created_at FROM links ORDER BY id DESC LIMIT 50`;
      return Response.json(rows);
    }

    if (url.pathname === '/api/links' && req.method === 'POST') {
      const { slug, target } = (await req.json()) as { slug: string; target: string };
      const [row] = await db`INSERT INTO links (slug, target) VALUES (${slug}, ${target}) RETURNING id`;
      return Response.json(row, { status: 201 });
    }

    const rename = url.pathname.match(/^\/api\/links\/(\d+)\/rename$/);
    if (rename && req.method === 'POST') {
      const { slug } = (await req.json()) as { slug: string };
      const conn = await db.reserve();
      await conn`BEGIN`;
      const [taken] = await conn`SELECT 1 FROM links WHERE slug = ${slug} FOR UPDATE`;
      if (taken) {
        await conn`ROLLBACK`;
        return new Response('slug taken', { status: 409 });
      }
      await conn`UPDATE links SET slug = ${slug} WHERE id = ${Number(rename[1])}`;
      await conn`COMMIT`;
      conn.release();
      return Response.json({ ok: true });
    }

    if (url.pathname.startsWith('/r/')) {
      const slug = url.pathname.slice(3);
      const [link] = await db`SELECT target FROM links WHERE slug = ${slug}`;
      if (!link) return notFound();
      const analytics = new SQL(process.env.ANALYTICS_URL!);
      await analytics`INSERT INTO clicks (slug, referer, ua) VALUES (${slug}, ${req.headers.get('referer')}, ${req.headers.get('user-agent')})`;
      return Response.redirect(link.target, 302);
    }

    if (url.pathname === '/api/previews' && req.method === 'POST') {
      const key = await uploadPreview(await req.arrayBuffer(), req.headers.get('content-type') ?? 'image/png');
      return Response.json({ key }, { status: 201 });
    }

    if (url.pathname === '/' || url.pathname.startsWith('/assets/')) {
      const file = Bun.file(`public${url.pathname === '/' ? '/index.html' : url.pathname}`);
      return (await file.exists()) ? new Response(file) : notFound();
    }

    return notFound();
  },
});
