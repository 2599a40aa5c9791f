export default {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Lowdefy Request Schema - AnalyticsMetric',
  type: 'object',
  required: ['metric'],
  properties: {
    metric: { type: 'string' },
    period: { type: 'string', enum: ['1 day', '7 days', '30 days', '90 days'] },
  },
};
