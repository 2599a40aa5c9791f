import mysql from 'mysql2/promise';

// Lookups used to denormalise product documents before indexing.
const pool = mysql.createPool({
  host: process.env.SHOP_DB_HOST ?? '127.0.0.1',
  port: Number(process.env.SHOP_DB_PORT ?? 3306),
  user: process.env.SHOP_DB_USER ?? 'indexer',
  password: process.env.SHOP_DB_PASSWORD,
  database: 'shop',
  connectionLimit: 10,
  namedPlaceholders: true,
});

const brandCache = new Map<number, string>();

export async function categoryPath(categoryId: number): Promise<string[]> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `WITH RECURSIVE path AS (
       SELECT id, parent_id, name, 0 AS depth FROM categories WHERE id = :categoryId
       UNION ALL
       SELECT c.id, c.parent_id, c.name, p.depth + 1
         FROM categories c JOIN path p ON c.id = p.parent_id
     )
     SELECT name FROM path ORDER BY depth DESC`,
    { categoryId },
  );
  return rows.map((r) => String(r.name));
}

export async function brandName(brandId: number | null): Promise<string | null> {
  if (brandId === null) return null;
  const cached = brandCache.get(brandId);
  if (cached) return cached;
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    'SELECT name FROM brands WHERE id = :brandId',
    { brandId },
  );
  const name = rows[0] ? String(rows[0].name) : null;
  if (name) brandCache.set(brandId, name);
  return name;
}
