import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::review.review', ({ strapi }) => ({
  async summary(ctx) {
    const { productId } = ctx.params;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(productId)) {
      return ctx.badRequest('invalid productId');
    }
    const summary = await strapi.service('api::review.review').ratingSummary(productId);
    ctx.body = summary;
  },

  async find(ctx) {
    ctx.query = { ...ctx.query, sort: ctx.query.sort ?? 'createdAt:desc' };
    const { data, meta } = await super.find(ctx);
    return { data, meta };
  },
}));
