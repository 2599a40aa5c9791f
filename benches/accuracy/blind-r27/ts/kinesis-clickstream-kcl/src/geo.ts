import mysql, { type RowDataPacket } from 'mysql2/promise';

// ip_ranges is refreshed nightly from MaxMind into the analytics schema.
const geoPool = mysql.createPool({
  uri: process.env.ANALYTICS_MYSQL_URL ?? 'mysql://enricher@localhost:3306/analytics',
  connectionLimit: 4,
  enableKeepAlive: true,
});

const MAX_CACHE = 50_000;
const cache = new Map<string, string | null>();

function remember(ip: string, country: string | null): void {
  if (cache.size >= MAX_CACHE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(ip, country);
}

export async function lookupCountry(ip: string): Promise<string | null> {
  if (!ip || ip.includes(':')) return null; // IPv6 not in the range table yet
  if (cache.has(ip)) return cache.get(ip) ?? null;

  const [rows] = await geoPool.query<RowDataPacket[]>(
    `SELECT country_code FROM ip_ranges
     WHERE range_start <= INET_ATON(?)
     ORDER BY range_start DESC
     LIMIT 1`,
    [ip],
  );
  const country = rows.length > 0 ? (rows[0].country_code as string) : null;
  remember(ip, country);
  return country;
}
