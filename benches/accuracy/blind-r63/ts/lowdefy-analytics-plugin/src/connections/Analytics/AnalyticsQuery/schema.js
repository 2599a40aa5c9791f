export default {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Lowdefy Request Schema - AnalyticsQuery',
  type: 'object',
  required: ['dashboard', 'from', 'to'],
  properties: {
    dashboard: { type: 'string' },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    limit: { type: 'number', maximum: 5000 },
  },
};
