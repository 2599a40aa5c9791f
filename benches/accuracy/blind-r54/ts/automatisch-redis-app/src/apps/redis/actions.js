import defineAction from '../../helpers/define-action.js';
import { createRedisClient, getSharedClient } from './common.js';

const setValue = defineAction({
  name: 'Set value',
  key: 'setValue',
  description: 'Sets a string key, optionally with an expiry.',
  arguments: [
    { label: 'Key', key: 'key', type: 'string', required: true, variables: true },
    { label: 'Value', key: 'value', type: 'string', required: true, variables: true },
    { label: 'Expire after (seconds)', key: 'ttl', type: 'string', required: false, variables: true },
  ],

  async run($) {
    const { key, value, ttl } = $.step.parameters;
    const redis = getSharedClient($);
    const result = ttl ? await redis.set(key, value, 'EX', Number(ttl)) : await redis.set(key, value);
    $.setActionItem({ raw: { key, result } });
  },
});

const publishMessage = defineAction({
  name: 'Publish message',
  key: 'publishMessage',
  description: 'Publishes a message on a pub/sub channel or appends it to a stream.',
  arguments: [
    { label: 'Channel or stream', key: 'target', type: 'string', required: true, variables: true },
    { label: 'Message', key: 'message', type: 'string', required: true, variables: true },
    {
      label: 'Mode',
      key: 'mode',
      type: 'dropdown',
      required: true,
      variables: false,
      options: [
        { label: 'PUBLISH', value: 'publish' },
        { label: 'XADD', value: 'xadd' },
      ],
    },
  ],

  async run($) {
    const { target, message, mode } = $.step.parameters;
    const redis = createRedisClient($);

    if (mode === 'xadd') {
      const id = await redis.xadd(target, '*', 'payload', message, 'flow', $.flow.id);
      $.setActionItem({ raw: { stream: target, id } });
      return;
    }

    const receivers = await redis.publish(target, message);
    $.setActionItem({ raw: { channel: target, receivers } });
  },
});

export default [setValue, publishMessage];
