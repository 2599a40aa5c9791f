export default {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Lowdefy Request Schema - CacheInvalidate',
  type: 'object',
  required: ['dashboard'],
  properties: {
    dashboard: { type: 'string' },
  },
};
