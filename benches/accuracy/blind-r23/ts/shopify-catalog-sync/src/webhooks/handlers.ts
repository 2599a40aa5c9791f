import { DeliveryMethod } from '@shopify/shopify-api';
import { prisma } from '../db.js';
import { searchClientFor, forgetShop } from '../shopify.js';

type ProductPayload = {
  id: number;
  title: string;
  handle: string;
  vendor: string;
  status: 'active' | 'draft' | 'archived';
  tags: string;
  variants: { id: number; price: string; sku: string | null; inventory_quantity: number }[];
  image?: { src: string } | null;
};

function toRecord(p: ProductPayload) {
  const prices = p.variants.map((v) => Number(v.price));
  return {
    objectID: String(p.id),
    title: p.title,
    handle: p.handle,
    vendor: p.vendor,
    tags: p.tags.split(',').map((t) => t.trim()).filter(Boolean),
    priceMin: Math.min(...prices),
    priceMax: Math.max(...prices),
    inStock: p.variants.some((v) => v.inventory_quantity > 0),
    image: p.image?.src ?? null,
  };
}

async function upsertProduct(_topic: string, shop: string, body: string, webhookId: string) {
  const product = JSON.parse(body) as ProductPayload;
  const { client, settings } = await searchClientFor(shop);

  if (product.status !== 'active') {
    await client.deleteObject({ indexName: settings.indexName, objectID: String(product.id) });
  } else {
    await client.saveObject({ indexName: settings.indexName, body: toRecord(product) });
  }

  await prisma.syncEvent.create({
    data: { shop, webhookId, productId: String(product.id), kind: product.status === 'active' ? 'upsert' : 'delete' },
  });
}

async function deleteProduct(_topic: string, shop: string, body: string) {
  const { id } = JSON.parse(body) as { id: number };
  const { client, settings } = await searchClientFor(shop);
  await client.deleteObject({ indexName: settings.indexName, objectID: String(id) });
}

async function appUninstalled(_topic: string, shop: string) {
  forgetShop(shop);
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shopSettings.deleteMany({ where: { shop } }),
  ]);
}

export const webhookHandlers = {
  PRODUCTS_CREATE: { deliveryMethod: DeliveryMethod.Http, callbackUrl: '/api/webhooks', callback: upsertProduct },
  PRODUCTS_UPDATE: { deliveryMethod: DeliveryMethod.Http, callbackUrl: '/api/webhooks', callback: upsertProduct },
  PRODUCTS_DELETE: { deliveryMethod: DeliveryMethod.Http, callbackUrl: '/api/webhooks', callback: deleteProduct },
  APP_UNINSTALLED: { deliveryMethod: DeliveryMethod.Http, callbackUrl: '/api/webhooks', callback: appUninstalled },
};
