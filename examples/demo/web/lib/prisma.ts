import { PrismaClient } from "@prisma/client";

// Shared Prisma client for the whole app.
export const prisma = new PrismaClient({
  log: process.env.NODE_ENV === "development" ? ["query", "error"] : ["error"],
});
