import { createError, defineEventHandler, getRequestHeader, getRouterParam } from 'h3';
import postgres from 'postgres';
import { productBySlug } from '../../../db';
import { reviewSummary } from '../../../lib/reviews';

// Page-view analytics go to the separate Supabase analytics project,
// through its transaction pooler.
const analytics = postgres(
  `postgres://postgres.${process.env['ANALYTICS_PROJECT_REF']}:${process.env['ANALYTICS_DB_PASSWORD']}` +
    '@aws-0-eu-central-1.pooler.supabase.com:6543/postgres',
  { max: 3, ssl: 'require' },
);

export default defineEventHandler(async (event) => {
  const slug = getRouterParam(event, 'slug');
  if (!slug) {
    throw createError({ statusCode: 400, statusMessage: 'missing slug' });
  }

  const product = await productBySlug(slug);
  if (!product) {
    throw createError({ statusCode: 404, statusMessage: 'product not found' });
  }

  const reviews = await reviewSummary(product.id);

  const referrer = getRequestHeader(event, 'referer') ?? null;
  analytics`
    insert into page_views (path, product_id, referrer, viewed_at)
    values (${'/products/' + slug}, ${product.id}, ${referrer}, now())
  `.catch((err) => console.warn('page view not recorded', err.message));

  return {
    ...product,
    inStock: product.stock > 0,
    reviews,
  };
});
