const Redis = require('ioredis');

module.exports = {
  extend: '@apostrophecms/widget-type',
  options: {
    label: 'Trending products'
  },
  fields: {
    add: {
      heading: { type: 'string', label: 'Heading', def: 'Trending this week' },
      limit: { type: 'integer', label: 'How many', def: 4, min: 1, max: 12 }
    }
  },
  components(self) {
    return {
      async trending(req, data) {
        const redis = new Redis(process.env.REDIS_URL);
        try {
          const ids = await redis.zrevrange('catalog:trending', 0, (data.limit || 4) - 1);
          const products = await self.apos.modules.product
            .find(req, { _id: { $in: ids } })
            .project({ title: 1, sku: 1, price: 1, _url: 1 })
            .toArray();
          return { heading: data.heading, products };
        } finally {
          redis.quit();
        }
      }
    };
  }
};
