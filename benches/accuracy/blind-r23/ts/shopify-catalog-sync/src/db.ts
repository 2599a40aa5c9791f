import { PrismaClient } from '@prisma/client';

// Plain Node server (no dev hot reload): one client for the whole process.
export const prisma = new PrismaClient({
  log: process.env.NODE_ENV === 'production' ? ['warn', 'error'] : ['query', 'warn', 'error'],
});
