import express from 'express';

import { pool, redis } from './clients';
import { makeLimiter } from './limits';

const app = express();
app.set('trust proxy', 1);

const trackingLimit = makeLimiter('tracking', 120);
const searchLimit = makeLimiter('search', 20);

app.get('/v1/parcels/:code', trackingLimit, async (req, res, next) => {
  try {
    const { rows } = await pool.query(
      'SELECT status, location, at FROM parcel_events WHERE parcel_code = $1 ORDER BY at DESC LIMIT 20',
      [req.params.code],
    );
    if (rows.length === 0) return res.status(404).json({ error: 'unknown parcel' });
    res.json({ code: req.params.code, events: rows });
  } catch (err) {
    next(err);
  }
});

app.get('/v1/parcels', searchLimit, async (req, res, next) => {
  try {
    const { rows } = await pool.query(
      'SELECT parcel_code, status FROM parcels WHERE reference ILIKE $1 || \'%\' AND account_key = $2 LIMIT 50',
      [String(req.query.ref ?? ''), req.header('x-api-key')],
    );
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

const server = app.listen(Number(process.env.PORT ?? 3000));

process.on('SIGTERM', () => {
  server.close(async () => {
    await pool.end();
    await redis.quit();
    process.exit(0);
  });
});
