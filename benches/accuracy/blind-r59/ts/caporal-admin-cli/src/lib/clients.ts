import { Client } from "pg";
import { MongoClient } from "mongodb";
import Redis from "ioredis";
import { MeiliSearch } from "meilisearch";

// Factories used by the command actions. shopctl runs one command per
// process, so each action opens what it needs and closes it before exiting.

function env(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} must be set`);
  return value;
}

export async function openPg(): Promise<Client> {
  const client = new Client({ connectionString: env("DATABASE_URL"), application_name: "shopctl" });
  await client.connect();
  return client;
}

export async function openMongo(): Promise<MongoClient> {
  const client = new MongoClient(env("CATALOG_MONGO_URL", "mongodb://localhost:27017/catalog"));
  await client.connect();
  return client;
}

export function openRedis(): Redis {
  return new Redis(env("SESSION_REDIS_URL", "redis://localhost:6379/1"), { maxRetriesPerRequest: 3 });
}

export function searchClient(): MeiliSearch {
  return new MeiliSearch({ host: env("MEILI_HOST", "http://localhost:7700"), apiKey: env("MEILI_ADMIN_KEY") });
}
