import { ScullyConfig, setPluginConfig } from '@scullyio/scully';
import './scully/plugins/product-routes';
import './scully/plugins/inline-prices';
import './scully/plugins/stock-badges';

/**
 * Pre-renders every product and category page of the storefront.
 * Run after `ng build`: `npm run scully`.
 *
 * Prices and stock badges are baked into the static HTML so that the
 * product pages are useful (and indexable) before Angular boots.
 */
setPluginConfig('productSlugs', {
  collection: 'products',
  onlyPublished: true,
});

export const config: ScullyConfig = {
  projectRoot: './src',
  projectName: 'storefront',
  outDir: './dist/static',
  distFolder: './dist/storefront',
  maxRenderThreads: 6,
  defaultPostRenderers: ['inlinePrices', 'stockBadges'],
  puppeteerLaunchOptions: {
    args: ['--no-sandbox', '--disable-setuid-sandbox'],
  },
  routes: {
    '/product/:slug': {
      type: 'productSlugs',
    },
    '/category/:category': {
      type: 'json',
      category: {
        url: 'https://api.shop.internal/v1/categories',
        property: 'slug',
      },
    },
  },
  extraRoutes: ['/', '/about', '/shipping'],
};
