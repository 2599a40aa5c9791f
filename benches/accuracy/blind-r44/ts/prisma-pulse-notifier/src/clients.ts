import { PrismaClient } from "@prisma/client";
import { withPulse } from "@prisma/extension-pulse";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { Redis } from "ioredis";

export function createPrisma() {
  return new PrismaClient({ log: ["warn", "error"] }).$extends(
    withPulse({ apiKey: process.env.PULSE_API_KEY ?? "" }),
  );
}

export type Db = ReturnType<typeof createPrisma>;

export interface Clients {
  db: Db;
  ses: SESv2Client;
  redis: Redis;
}

export function createClients(): Clients {
  return {
    db: createPrisma(),
    ses: new SESv2Client({ region: process.env.AWS_REGION ?? "us-east-1" }),
    redis: new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", { lazyConnect: false }),
  };
}

export async function closeClients(c: Clients): Promise<void> {
  await c.db.$disconnect();
  c.ses.destroy();
  await c.redis.quit();
}
