import pg from 'pg';

/** lower-cased identifier -> identifier exactly as stored in pg_catalog */
export type IdentifierCatalog = Map<string, string>;

const CATALOG_SQL = `
  select c.relname as name
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
   where n.nspname = any($1::text[]) and c.relkind in ('r', 'v', 'm', 'p')
  union
  select a.attname as name
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_class c on c.oid = a.attrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
   where n.nspname = any($1::text[]) and a.attnum > 0 and not a.attisdropped
`;

export async function loadCatalog(connectionString: string, schemas: string[]): Promise<IdentifierCatalog> {
  const client = new pg.Client({
    connectionString,
    application_name: 'prettier-plugin-pg-identifiers',
    connectionTimeoutMillis: 3_000,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(CATALOG_SQL, [schemas]);
    const catalog: IdentifierCatalog = new Map();
    for (const { name } of rows) {
      catalog.set(name.toLowerCase(), name);
    }
    return catalog;
  } finally {
    await client.end();
  }
}

/** Identifiers that need double quotes to keep their casing. */
export function needsQuotes(identifier: string): boolean {
  return identifier !== identifier.toLowerCase() || !/^[a-z_][a-z0-9_$]*$/.test(identifier);
}
