import pg from "pg";

const auditPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export async function recordQuote(userId: string, sku: string, price: number, variant: string) {
  await auditPool.query(
    "INSERT INTO quote_audit (user_id, sku, price, variant, quoted_at) VALUES ($1, $2, $3, $4, now())",
    [userId, sku, price, variant],
  );
}
