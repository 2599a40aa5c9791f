'use strict';

const sharp = require('sharp');
const { createKnex } = require('./lib/db');
const { createQueue } = require('./lib/queue');

const db = createKnex();
const queue = createQueue();

const SIZES = { '10x15': [1800, 1200], '13x18': [2100, 1500], '20x30': [3600, 2400] };

async function renderPrint(orderId) {
  const order = await db('orders').where({ id: orderId }).first();
  if (!order) throw new Error(`order ${orderId} vanished`);
  const res = await fetch(order.photo_url);
  if (!res.ok) throw new Error(`photo download failed: ${res.status}`);
  const [w, h] = SIZES[order.size] || SIZES['10x15'];
  const output = await sharp(Buffer.from(await res.arrayBuffer())).resize(w, h, { fit: 'cover' }).jpeg({ quality: 92 }).toBuffer();

  await db.transaction(async (trx) => {
    await trx('print_files').insert({ order_id: orderId, bytes: output.length, data: output });
    await trx('orders').where({ id: orderId }).update({ state: 'rendered', rendered_at: trx.fn.now() });
  });
}

queue.process('render-print', 3, (job, done) => {
  renderPrint(job.data.orderId)
    .then(() => done())
    .catch((err) => done(err));
});

process.once('SIGTERM', () => {
  queue.shutdown(10_000, () => {
    db.destroy().finally(() => process.exit(0));
  });
});

console.log('worker processing render-print jobs');
