import RedisSMQ from 'rsmq';

export const QNAME = 'invoice-totals';

export async function createQueue(): Promise<RedisSMQ> {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const rsmq = new RedisSMQ({
    host: url.hostname,
    port: Number(url.port || 6379),
    ns: 'invoices',
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  });
  const queues = await rsmq.listQueuesAsync();
  if (!queues.includes(QNAME)) {
    await rsmq.createQueueAsync({ qname: QNAME, vt: 60 });
  }
  return rsmq;
}
