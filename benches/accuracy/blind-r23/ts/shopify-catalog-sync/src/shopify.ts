import { shopifyApp } from '@shopify/shopify-app-express';
import { PrismaSessionStorage } from '@shopify/shopify-app-session-storage-prisma';
import { ApiVersion } from '@shopify/shopify-api';
import { algoliasearch, type Algoliasearch } from 'algoliasearch';
import { prisma } from './db.js';

export const shopify = shopifyApp({
  api: {
    apiKey: process.env.SHOPIFY_API_KEY!,
    apiSecretKey: process.env.SHOPIFY_API_SECRET!,
    scopes: ['read_products', 'read_inventory'],
    hostName: process.env.HOST!.replace(/^https:\/\//, ''),
    apiVersion: ApiVersion.July24,
  },
  auth: { path: '/api/auth', callbackPath: '/api/auth/callback' },
  webhooks: { path: '/api/webhooks' },
  sessionStorage: new PrismaSessionStorage(prisma),
});

// Each merchant brings their own Algolia application, so clients are cached per shop.
const searchClients = new Map<string, { appId: string; client: Algoliasearch }>();

export async function searchClientFor(shop: string) {
  const settings = await prisma.shopSettings.findUniqueOrThrow({ where: { shop } });
  const cached = searchClients.get(shop);
  if (cached && cached.appId === settings.algoliaAppId) return { client: cached.client, settings };

  const client = algoliasearch(settings.algoliaAppId, settings.algoliaWriteKey);
  searchClients.set(shop, { appId: settings.algoliaAppId, client });
  return { client, settings };
}

export function forgetShop(shop: string) {
  searchClients.delete(shop);
}
