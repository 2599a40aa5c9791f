import type { APIRoute } from 'astro';
import { tenantDb } from '../../../lib/mongo';

export const GET: APIRoute = async ({ locals, url }) => {
  const conn = tenantDb(locals.tenantId!);
  const status = url.searchParams.get('status');
  const filter = status ? { status } : {};
  const projects = await conn.model('Project').find(filter).sort({ updatedAt: -1 }).limit(50).lean();
  return new Response(JSON.stringify(projects), {
    headers: { 'content-type': 'application/json' },
  });
};

export const POST: APIRoute = async ({ locals, request }) => {
  const body = await request.json();
  if (!body?.name) {
    return new Response(JSON.stringify({ error: 'name is required' }), { status: 400 });
  }
  const conn = tenantDb(locals.tenantId!);
  const project = await conn.model('Project').create({ name: body.name, ownerEmail: body.ownerEmail });
  return new Response(JSON.stringify(project), {
    status: 201,
    headers: { 'content-type': 'application/json' },
  });
};
