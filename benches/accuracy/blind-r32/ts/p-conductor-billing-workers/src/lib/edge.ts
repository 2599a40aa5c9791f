import { createClient, type Client } from "edgedb";

// Product catalogue lives in EdgeDB.
export function openCatalog(): Client {
  return createClient({
    dsn: process.env.CATALOG_EDGEDB_DSN,
    concurrency: 4,
  });
}

export type CatalogItem = { sku: string; name: string; taxCode: string };
