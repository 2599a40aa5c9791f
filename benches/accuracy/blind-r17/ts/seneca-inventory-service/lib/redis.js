const Redis = require('ioredis');

// One publisher for the process; required by plugins.
const publisher = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
  maxRetriesPerRequest: 2,
});

module.exports = { publisher };
