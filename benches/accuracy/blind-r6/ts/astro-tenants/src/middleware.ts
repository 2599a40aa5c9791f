import { defineMiddleware } from 'astro:middleware';
import { controlPlane, Tenant } from './lib/mongo';

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.tenantId = null;
  const slug = context.params.tenant;
  if (slug) {
    await controlPlane();
    const tenant = await Tenant.findOne({ slug, active: true }).lean<{ _id: unknown }>();
    if (!tenant) {
      return new Response(JSON.stringify({ error: 'unknown tenant' }), { status: 404 });
    }
    context.locals.tenantId = String(tenant._id);
  }
  return next();
});
