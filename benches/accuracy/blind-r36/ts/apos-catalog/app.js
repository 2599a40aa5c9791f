require('apostrophe')({
  shortName: 'apos-catalog',
  baseUrl: process.env.APOS_BASE_URL || 'http://localhost:3000',
  modules: {
    '@apostrophecms/express': {
      options: {
        session: { secret: process.env.APOS_SESSION_SECRET }
      }
    },
    '@apostrophecms/rich-text-widget': {},
    product: {},
    'product-widget': {},
    'stock-report': {}
  }
});
