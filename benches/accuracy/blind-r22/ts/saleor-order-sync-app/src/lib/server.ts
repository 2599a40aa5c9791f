import { FileAPL, UpstashAPL } from "@saleor/app-sdk/APL";
import { SaleorApp } from "@saleor/app-sdk/saleor-app";
import { PrismaClient } from "@prisma/client";
import { MongoClient } from "mongodb";

// --- Saleor app / auth persistence layer -----------------------------------
const apl =
  process.env.APL === "upstash"
    ? new UpstashAPL({
        restURL: process.env.UPSTASH_URL!,
        restToken: process.env.UPSTASH_TOKEN!,
      })
    : new FileAPL();

export const saleorApp = new SaleorApp({ apl });

// --- ERP mirror database (Postgres via Prisma) -----------------------------
export const prisma = new PrismaClient({
  log: process.env.NODE_ENV === "development" ? ["query", "warn", "error"] : ["error"],
});

// --- Event log / stock reservations (MongoDB) ------------------------------
const globalForMongo = globalThis as unknown as { _mongoClientPromise?: Promise<MongoClient> };

// Cached across hot reloads in dev and across invocations in prod.
export const clientPromise: Promise<MongoClient> =
  globalForMongo._mongoClientPromise ??
  (globalForMongo._mongoClientPromise = new MongoClient(process.env.MONGODB_URI!, {
    maxPoolSize: 10,
  }).connect());

export async function eventsDb() {
  return (await clientPromise).db("order_events");
}

export async function markSynced(orderId: string, status: string) {
  return prisma.syncedOrder.update({ where: { id: orderId }, data: { status } });
}
