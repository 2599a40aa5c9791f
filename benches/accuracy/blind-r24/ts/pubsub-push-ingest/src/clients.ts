import { BigQuery } from "@google-cloud/bigquery";
import { Spanner, type Database } from "@google-cloud/spanner";
import { Storage } from "@google-cloud/storage";
import { OAuth2Client } from "google-auth-library";

const PROJECT = process.env.GOOGLE_CLOUD_PROJECT;

export const bigquery = new BigQuery({ projectId: PROJECT });
export const authClient = new OAuth2Client();

const spanner = new Spanner({ projectId: PROJECT });
const instance = spanner.instance(process.env.SPANNER_INSTANCE ?? "devices-prod");

// Each tenant has its own Spanner database inside the shared instance.
// Database objects hold their own session pool, so keep exactly one per tenant.
const tenantDatabases = new Map<string, Database>();

export function databaseFor(tenant: string): Database {
  let db = tenantDatabases.get(tenant);
  if (!db) {
    db = instance.database(`tenant_${tenant.replace(/[^a-z0-9_]/gi, "_")}`, {
      min: 1,
      max: 20,
    });
    tenantDatabases.set(tenant, db);
  }
  return db;
}

let storage: Storage | undefined;

// Only the raw-archive path needs Storage, and most deliveries don't.
export function getStorage(): Storage {
  if (!storage) {
    storage = new Storage({ projectId: PROJECT });
  }
  return storage;
}

export async function closeAll(): Promise<void> {
  await Promise.all([...tenantDatabases.values()].map((db) => db.close()));
  spanner.close();
}
