import type { Strapi } from '@strapi/strapi';
import { search } from './search';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Strapi }) {
    await search.index('reviews').updateSettings({
      filterableAttributes: ['productId', 'rating'],
      sortableAttributes: ['createdAt', 'rating'],
    });
    strapi.log.info('meilisearch: reviews index configured');
  },
};
