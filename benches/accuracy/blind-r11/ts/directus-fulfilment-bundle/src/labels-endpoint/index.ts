import { defineEndpoint } from '@directus/extensions-sdk';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getRedis } from '../shared/redis';

export default defineEndpoint({
  id: 'labels',
  handler: (router, { services, getSchema, env }) => {
    const { ItemsService } = services;
    const s3 = new S3Client({ region: (env.LABELS_S3_REGION as string) ?? 'eu-central-1' });
    const bucket = env.LABELS_S3_BUCKET as string;

    router.get('/:orderId', async (req: any, res: any, next: any) => {
      try {
        const redis = getRedis(env.REDIS_URL as string);
        const orders = new ItemsService('orders', {
          schema: await getSchema(),
          accountability: req.accountability,
        });
        const order = await orders.readOne(req.params.orderId, { fields: ['id', 'label_key', 'status'] });
        if (!order?.label_key) return res.status(404).json({ error: 'no label yet' });

        const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: order.label_key }));
        await redis.incr(`labels:downloads:${order.id}`);
        res.setHeader('content-type', obj.ContentType ?? 'application/pdf');
        res.send(Buffer.from(await obj.Body!.transformToByteArray()));
      } catch (err) {
        next(err);
      }
    });
  },
});
