import { Client } from 'pg';
import type { TagContext } from '../index';
import { envValue } from '../index';

const ALLOWED_TABLES = new Set(['orders', 'customers', 'products', 'coupons', 'gift_cards']);

export const stagingRowTag = {
  name: 'stagingRow',
  displayName: 'Staging row',
  description: 'A value from a recent row in the staging database (e.g. a real order id)',
  args: [
    {
      displayName: 'Table',
      type: 'enum',
      options: [...ALLOWED_TABLES].map((t) => ({ displayName: t, value: t })),
    },
    { displayName: 'Column', type: 'string', defaultValue: 'id' },
    { displayName: 'Filter (column=value)', type: 'string', defaultValue: '' },
  ],

  async run(ctx: TagContext, table: string, column: string, filter: string): Promise<string> {
    if (!ALLOWED_TABLES.has(table)) throw new Error(`table ${table} is not allowed`);
    if (!/^[a-z_]+$/.test(column)) throw new Error(`bad column ${column}`);

    const client = new Client({
      connectionString: envValue(ctx, 'staging_db_url'),
      statement_timeout: 3_000,
      application_name: 'insomnia-staging-fixtures',
    });
    await client.connect();
    try {
      let where = '';
      const params: string[] = [];
      if (filter) {
        const [fcol, fval] = filter.split('=');
        if (!/^[a-z_]+$/.test(fcol)) throw new Error(`bad filter column ${fcol}`);
        where = `WHERE ${fcol} = $1`;
        params.push(fval);
      }
      const { rows } = await client.query(
        `SELECT ${column} AS v FROM ${table} ${where} ORDER BY created_at DESC LIMIT 1`,
        params,
      );
      if (!rows.length) throw new Error(`no ${table} row matched ${filter || '(any)'}`);
      return String(rows[0].v);
    } finally {
      await client.end();
    }
  },
};
