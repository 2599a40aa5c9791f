import type { APIRoute } from 'astro';
import { controlPlane } from '../../lib/mongo';

export const GET: APIRoute = async () => {
  const m = await controlPlane();
  const ok = m.connection.readyState === 1;
  return new Response(JSON.stringify({ ok }), { status: ok ? 200 : 503 });
};
