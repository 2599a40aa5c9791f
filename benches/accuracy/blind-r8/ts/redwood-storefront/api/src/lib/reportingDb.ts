import { PrismaClient } from '@prisma/client'

// Reports run long aggregate queries; keep them on their own client with a
// longer transaction timeout so they don't trip the default 5s limit.
export const reportingDb = new PrismaClient({
  datasources: { db: { url: process.env.DATABASE_URL } },
  transactionOptions: { maxWait: 10_000, timeout: 60_000 },
})
