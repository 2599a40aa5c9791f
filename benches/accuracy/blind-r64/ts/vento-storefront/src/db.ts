import pg from "pg";
import { Redis } from "ioredis";

// Catalogue database (products, prices, images).
export const pool = new pg.Pool({ connectionString: process.env.CATALOG_DATABASE_URL, max: 80, idleTimeoutMillis: 30_000 });

// Page-fragment cache.
export const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/2");
