'use strict';

const { Pool } = require('pg');

const reportPool = new Pool({
  connectionString: process.env.PAD_METRICS_DATABASE_URL,
  max: 4,
});

// Runs once when Etherpad builds its express app.
exports.expressCreateServer = (hookName, { app }) => {
  app.get('/pad-metrics/top', async (req, res) => {
    const limit = Math.min(Number(req.query.limit) || 20, 100);
    try {
      const { rows } = await reportPool.query(
        'SELECT pad_id, revisions, last_author, updated_at FROM pad_stats ORDER BY revisions DESC LIMIT $1',
        [limit],
      );
      res.json({ pads: rows });
    } catch (err) {
      res.status(500).json({ error: 'metrics unavailable' });
    }
  });

  app.get('/pad-metrics/pads/:padId', async (req, res) => {
    const { rows } = await reportPool.query(
      'SELECT pad_id, revisions, last_author, updated_at FROM pad_stats WHERE pad_id = $1',
      [req.params.padId],
    );
    if (rows.length === 0) return res.status(404).end();
    res.json(rows[0]);
  });
};
