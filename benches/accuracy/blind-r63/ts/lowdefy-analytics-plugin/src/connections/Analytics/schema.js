export default {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Lowdefy Connection Schema - Analytics',
  type: 'object',
  required: ['connectionString'],
  properties: {
    connectionString: {
      type: 'string',
      description: 'Postgres connection string of the analytics warehouse.',
    },
    redisUrl: {
      type: 'string',
      description: 'Redis URL used to cache metric results.',
    },
    searchPath: {
      type: 'string',
      default: 'analytics',
    },
    cacheSeconds: {
      type: 'number',
      default: 300,
    },
  },
};
