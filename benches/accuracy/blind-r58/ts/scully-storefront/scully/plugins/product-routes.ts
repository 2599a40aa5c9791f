import { HandledRoute, getMyConfig, log, registerPlugin, yellow } from '@scullyio/scully';
import { MongoClient } from 'mongodb';

interface ProductSlugsConfig {
  collection: string;
  onlyPublished: boolean;
}

interface ProductDoc {
  slug: string;
  sku: string;
  title: string;
  published: boolean;
}

/**
 * Router plugin: turns `/product/:slug` into one route per product.
 * Scully calls it once per build for the route pattern.
 */
async function productSlugsPlugin(route: string): Promise<HandledRoute[]> {
  const conf = getMyConfig<ProductSlugsConfig>(productSlugsPlugin);
  const client = new MongoClient(process.env.CATALOG_MONGODB_URI ?? 'mongodb://localhost:27017', {
    appName: 'scully-product-routes',
  });

  try {
    await client.connect();
    const products = await client
      .db('catalog')
      .collection<ProductDoc>(conf.collection)
      .find(conf.onlyPublished ? { published: true } : {}, { projection: { slug: 1, sku: 1, title: 1 } })
      .toArray();

    log(`productSlugs: ${yellow(String(products.length))} product routes`);
    return products.map((p) => ({
      route: route.replace(':slug', p.slug),
      type: 'productSlugs',
      title: p.title,
      data: { sku: p.sku },
    }));
  } finally {
    await client.close();
  }
}

registerPlugin('router', 'productSlugs', productSlugsPlugin);
