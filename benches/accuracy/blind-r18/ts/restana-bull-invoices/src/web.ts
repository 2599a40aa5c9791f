import restana from 'restana';
import bodyParser from 'body-parser';
import { createDb } from './lib/db';
import { createRenderQueue } from './lib/queue';
import { registerInvoiceRoutes } from './routes/invoices';

const { pgp, db } = createDb('web');
const renderQueue = createRenderQueue();

const service = restana();
service.use(bodyParser.json({ limit: '256kb' }));
service.get('/healthz', async (_req, res) => {
  await db.one('SELECT 1 AS ok');
  res.send({ ok: true });
});
registerInvoiceRoutes(service, { db, renderQueue });

service.start(Number(process.env.PORT ?? 3000)).then(() => console.log('invoices web up'));

process.once('SIGTERM', async () => {
  await service.close();
  await renderQueue.close();
  pgp.end();
});
