import { AMQPClient, type AMQPChannel } from '@cloudamqp/amqp-client';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const READINGS_QUEUE = 'sensor.readings';

// Start-up only: RabbitMQ may still be coming up when the dyno boots.
export async function openChannel(url: string, attempts = 10): Promise<{ client: AMQPClient; channel: AMQPChannel }> {
  const client = new AMQPClient(url);
  for (let attempt = 1; ; attempt++) {
    try {
      await client.connect();
      break;
    } catch (err) {
      if (attempt >= attempts) throw err;
      console.warn(`amqp connect failed (${attempt}/${attempts}), retrying`);
      await sleep(1_000 * attempt);
    }
  }
  const channel = await client.channel();
  await channel.queue(READINGS_QUEUE, { durable: true });
  return { client, channel };
}
