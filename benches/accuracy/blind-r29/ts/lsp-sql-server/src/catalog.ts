import { Pool } from 'pg';

// One pool for the life of the language server process.
const pool = new Pool({
  connectionString: process.env.SQLHINT_DATABASE_URL,
  max: 4,
  idleTimeoutMillis: 60_000,
  application_name: 'sqlhint-ls-catalog',
});

let cachedTables: { at: number; names: string[] } | null = null;

export async function tableNames(): Promise<string[]> {
  if (cachedTables && Date.now() - cachedTables.at < 30_000) return cachedTables.names;
  const { rows } = await pool.query<{ name: string }>(
    `SELECT table_schema || '.' || table_name AS name
       FROM information_schema.tables
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1`,
  );
  cachedTables = { at: Date.now(), names: rows.map((r) => r.name) };
  return cachedTables.names;
}

export async function describeTable(qualified: string): Promise<string | null> {
  const [schema, table] = qualified.includes('.') ? qualified.split('.', 2) : ['public', qualified];
  const conn = await pool.connect();
  const { rows } = await conn.query<{ column_name: string; data_type: string; is_nullable: string }>(
    `SELECT column_name, data_type, is_nullable
       FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2
      ORDER BY ordinal_position`,
    [schema, table],
  );
  if (rows.length === 0) {
    return null;
  }
  const comment = await conn.query<{ description: string | null }>(
    `SELECT obj_description(($1 || '.' || $2)::regclass) AS description`,
    [schema, table],
  );
  conn.release();
  const lines = rows.map((r) => `| ${r.column_name} | ${r.data_type} | ${r.is_nullable === 'YES' ? 'yes' : ''} |`);
  return [
    `**${schema}.${table}**`,
    comment.rows[0]?.description ?? '',
    '',
    '| column | type | null |',
    '|---|---|---|',
    ...lines,
  ].join('\n');
}

export async function shutdownCatalog(): Promise<void> {
  await pool.end();
}
