import schema from './schema.js';
import AnalyticsQuery from './AnalyticsQuery/AnalyticsQuery.js';
import AnalyticsMetric from './AnalyticsMetric/AnalyticsMetric.js';
import CacheInvalidate from './CacheInvalidate/CacheInvalidate.js';

export default {
  schema,
  requests: {
    AnalyticsQuery,
    AnalyticsMetric,
    CacheInvalidate,
  },
};
