import pg from 'pg';

export type FlagMap = Record<string, boolean | string | number>;

export async function queryFlags(client: pg.ClientBase, environment: string): Promise<FlagMap> {
  const { rows } = await client.query<{ key: string; value: FlagMap[string] }>(
    'SELECT key, value FROM feature_flags WHERE environment = $1 AND archived_at IS NULL',
    [environment],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** Reads the flag table once; opens one connection and closes it before returning. */
export async function loadFlags(connectionString: string, environment: string): Promise<FlagMap> {
  const client = new pg.Client({ connectionString, statement_timeout: 10_000 });
  await client.connect();
  try {
    return await queryFlags(client, environment);
  } finally {
    await client.end();
  }
}
