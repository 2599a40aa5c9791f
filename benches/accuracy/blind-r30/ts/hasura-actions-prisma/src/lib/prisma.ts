import { PrismaClient } from "@prisma/client";
import Redis from "ioredis";

const WRITE_OPS = new Set([
  "create",
  "createMany",
  "update",
  "updateMany",
  "upsert",
  "delete",
  "deleteMany",
]);

const base = new PrismaClient({ log: ["warn", "error"] });

// Every write through the extended client drops the cached list for that model.
export const prisma = base.$extends({
  name: "cache-invalidation",
  query: {
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        const result = await query(args);
        if (WRITE_OPS.has(operation)) {
          const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
          await redis.del(`cache:${model}:list`);
          redis.disconnect();
        }
        return result;
      },
    },
  },
});
