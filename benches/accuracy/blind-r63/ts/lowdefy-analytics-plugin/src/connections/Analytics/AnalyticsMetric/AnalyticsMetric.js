import { getKnex } from '../knexCache.js';
import schema from './schema.js';

async function AnalyticsMetric({ request, connection }) {
  const db = getKnex(connection);
  const { metric, period = '7 days' } = request;

  const result = await db.raw(
    `select coalesce(sum(value), 0) as total, count(*) as samples
       from metric_points
      where metric = ? and recorded_at > now() - ?::interval`,
    [metric, period]
  );
  const [row] = result.rows;
  return { metric, period, total: Number(row.total), samples: Number(row.samples) };
}

AnalyticsMetric.schema = schema;
AnalyticsMetric.meta = {
  checkRead: true,
  checkWrite: false,
};

export default AnalyticsMetric;
