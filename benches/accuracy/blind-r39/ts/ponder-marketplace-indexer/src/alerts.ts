import pg from "pg";

// Watchlists live in the product database, not in Ponder's own schema.
function alertsDb(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.ALERTS_DATABASE_URL,
    max: 4,
    idleTimeoutMillis: 30_000,
  });
}

export interface ListingAlert {
  collection: `0x${string}`;
  tokenId: bigint;
  price: bigint;
  seller: `0x${string}`;
}

export async function notifyWatchers(alert: ListingAlert): Promise<number> {
  const db = alertsDb();
  const { rows } = await db.query<{ user_id: string; max_price: string }>(
    `SELECT user_id, max_price
       FROM collection_watch
      WHERE collection = $1 AND muted = false`,
    [alert.collection.toLowerCase()],
  );

  const matches = rows.filter((r) => BigInt(r.max_price) >= alert.price);
  if (matches.length === 0) return 0;

  await db.query(
    `INSERT INTO notification (user_id, kind, payload)
     SELECT unnest($1::text[]), 'listing', $2::jsonb`,
    [
      matches.map((m) => m.user_id),
      JSON.stringify({
        collection: alert.collection,
        tokenId: alert.tokenId.toString(),
        price: alert.price.toString(),
        seller: alert.seller,
      }),
    ],
  );
  return matches.length;
}
