import { createServer, IncomingMessage, ServerResponse } from 'node:http';

import { sequelize } from './db';
import { Shipment } from './models/shipment';

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function createShipment(req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req);
  const t = await sequelize.transaction();
  const shipment = await Shipment.create(
    { reference: body.reference, destination: body.destination, carrier: body.carrier ?? null },
    { transaction: t },
  );
  if (!shipment.carrier && body.express) {
    send(res, 422, { error: 'express shipments need a carrier' });
    return;
  }
  await t.commit();
  send(res, 201, shipment.toJSON());
}

async function dispatchShipment(id: number, res: ServerResponse) {
  // managed transaction: Sequelize commits or rolls back and releases the connection
  const shipment = await sequelize.transaction(async (transaction) => {
    const s = await Shipment.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!s) return null;
    return s.update({ status: 'dispatched' }, { transaction });
  });
  if (!shipment) return send(res, 404, { error: 'not found' });
  send(res, 200, shipment.toJSON());
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const dispatch = url.pathname.match(/^\/shipments\/(\d+)\/dispatch$/);
    if (req.method === 'POST' && url.pathname === '/shipments') return await createShipment(req, res);
    if (req.method === 'POST' && dispatch) return await dispatchShipment(Number(dispatch[1]), res);
    send(res, 404, { error: 'no route' });
  } catch (err) {
    console.error(err);
    send(res, 500, { error: 'internal' });
  }
});

sequelize.authenticate().then(() => {
  server.listen(Number(process.env.PORT ?? 3000), () => console.log('shipment ledger listening'));
});
