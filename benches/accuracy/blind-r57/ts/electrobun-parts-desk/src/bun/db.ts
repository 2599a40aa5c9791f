import { Pool } from "pg";
import type { Part, StockLocation } from "../shared/rpc";

export const DATABASE_URL = process.env.PARTS_DATABASE_URL ?? "postgres://partsdesk@erp-db.northfab.lan:5432/erp";

export const pool = new Pool({
  connectionString: DATABASE_URL,
  max: 4,
  idleTimeoutMillis: 60_000,
  application_name: "parts-desk",
});

export const SEARCH_SQL = `
  SELECT id, part_no AS "partNo", description, on_hand AS "onHand", bin
    FROM parts
   WHERE part_no ILIKE $1 OR description ILIKE $1
   ORDER BY part_no
   LIMIT 50`;

export async function listLocations(): Promise<StockLocation[]> {
  const { rows } = await pool.query<StockLocation>(
    `SELECT l.code, l.name, count(p.id)::int AS parts
       FROM locations l LEFT JOIN parts p ON p.location_code = l.code
      GROUP BY l.code, l.name
      ORDER BY l.code`,
  );
  return rows;
}

export function toPart(row: Part): Part {
  return { ...row, onHand: Number(row.onHand) };
}
