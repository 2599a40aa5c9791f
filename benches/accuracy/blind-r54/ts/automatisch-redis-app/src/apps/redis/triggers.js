import Redis from 'ioredis';
import defineTrigger from '../../helpers/define-trigger.js';

const newStreamEntries = defineTrigger({
  name: 'New stream entries',
  key: 'newStreamEntries',
  pollInterval: 15,
  description: 'Triggers when new entries are appended to a Redis stream.',
  arguments: [
    { label: 'Stream', key: 'stream', type: 'string', required: true, variables: false },
    { label: 'Max entries per poll', key: 'count', type: 'string', required: false, variables: false },
  ],

  async run($) {
    const { stream, count } = $.step.parameters;
    const { host, port, username, password, database } = $.auth.data;
    const redis = new Redis({
      host,
      port: Number(port || 6379),
      username: username || undefined,
      password: password || undefined,
      db: Number(database || 0),
    });

    const entries = await redis.xrevrange(stream, '+', '-', 'COUNT', Number(count || 100));
    for (const [id, fields] of entries) {
      const data = {};
      for (let i = 0; i < fields.length; i += 2) {
        data[fields[i]] = fields[i + 1];
      }
      $.pushTriggerItem({
        raw: { id, stream, ...data },
        meta: { internalId: id },
      });
    }
  },
});

export default [newStreamEntries];
