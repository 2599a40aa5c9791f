import knex from 'knex';
import schema from './schema.js';

async function AnalyticsQuery({ request, connection }) {
  const db = knex({
    client: 'pg',
    connection: connection.connectionString,
    searchPath: [connection.searchPath ?? 'analytics', 'public'],
  });

  const { dashboard, from, to, limit = 500 } = request;
  const rows = await db('dashboard_rows')
    .select('bucket', 'dimension', 'value')
    .where({ dashboard })
    .andWhere('bucket', '>=', from)
    .andWhere('bucket', '<', to)
    .orderBy('bucket', 'asc')
    .limit(limit);

  return rows.map((row) => ({
    bucket: row.bucket.toISOString(),
    dimension: row.dimension,
    value: Number(row.value),
  }));
}

AnalyticsQuery.schema = schema;
AnalyticsQuery.meta = {
  checkRead: true,
  checkWrite: false,
};

export default AnalyticsQuery;
