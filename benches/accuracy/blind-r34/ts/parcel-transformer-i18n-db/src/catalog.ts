import type { RowDataPacket } from 'mysql2/promise';
import { getPool } from './pool';

type Catalog = Map<string, string>;

// Catalog rows are cached per locale for the lifetime of the worker.
const catalogs = new Map<string, Promise<Catalog>>();

async function fetchCatalog(locale: string): Promise<Catalog> {
  const [rows] = await getPool().query<RowDataPacket[]>(
    'SELECT msg_key, msg_text FROM translations WHERE locale = ? AND published = 1',
    [locale],
  );
  return new Map(rows.map((r) => [r.msg_key as string, r.msg_text as string]));
}

export function catalogFor(locale: string): Promise<Catalog> {
  let entry = catalogs.get(locale);
  if (!entry) {
    entry = fetchCatalog(locale);
    catalogs.set(locale, entry);
  }
  return entry;
}
