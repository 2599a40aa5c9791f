'use strict';

const ruuvi = require('node-ruuvitag');
const { createPool, sensorName, insertReadings } = require('./db');

const FLUSH_MS = 60 * 1000;
const MIN_GAP_MS = 30 * 1000;

const pool = createPool();
const names = new Map();
const lastKept = new Map();
let buffer = [];

ruuvi.on('found', (tag) => {
  sensorName(pool, tag.id)
    .then((name) => {
      names.set(tag.id, name);
      console.log(`found RuuviTag ${tag.id} (${name})`);
    })
    .catch((err) => console.error('sensor lookup failed', tag.id, err.message));

  // Fires for every BLE advertisement the tag broadcasts (about once a second).
  tag.on('updated', (data) => {
    const now = Date.now();
    if (now - (lastKept.get(tag.id) || 0) < MIN_GAP_MS) return;
    lastKept.set(tag.id, now);
    buffer.push({
      tagId: tag.id,
      at: new Date(now),
      temperature: data.temperature,
      humidity: data.humidity,
      battery: data.battery,
    });
  });
});

ruuvi.on('warning', (message) => console.warn('ruuvi warning:', message));

async function flush() {
  if (buffer.length === 0) return;
  const batch = buffer;
  buffer = [];
  try {
    await insertReadings(pool, batch);
  } catch (err) {
    console.error(`insert of ${batch.length} readings failed, keeping them`, err.message);
    buffer = batch.concat(buffer).slice(-5000);
  }
}

const timer = setInterval(flush, FLUSH_MS);

async function shutdown() {
  clearInterval(timer);
  await flush();
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
