'use strict';

const Redis = require('ioredis');
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

const redis = new Redis(process.env.REDIS_URL);
const sqs = new SQSClient({ region: process.env.AWS_REGION || 'eu-west-1' });

async function publishOrderEvent(type, order) {
  const payload = JSON.stringify({ type, orderId: order.id, status: order.status, at: new Date().toISOString() });
  await redis.publish(`orders:${order.customer_id}`, payload);
  if (type === 'order.paid' || type === 'order.cancelled') {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: process.env.FULFILMENT_QUEUE_URL,
        MessageBody: payload,
        MessageGroupId: String(order.id),
      })
    );
  }
}

async function shutdown() {
  sqs.destroy();
  await redis.quit();
}

module.exports = { publishOrderEvent, shutdown };
