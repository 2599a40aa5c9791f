const { Pool } = require('pg');

module.exports = {
  options: {
    alias: 'stockReport'
  },
  init(self) {
    // One pool for the reporting database, created when the module is initialised.
    self.pool = new Pool({
      connectionString: process.env.REPORTS_DATABASE_URL,
      max: 6
    });
    self.apos.util.log('stock-report: reporting pool ready');
  },
  handlers(self) {
    return {
      'apostrophe:destroy': {
        async closePool() {
          await self.pool.end();
        }
      }
    };
  },
  apiRoutes(self) {
    return {
      get: {
        async lowStock(req) {
          if (!self.apos.permission.can(req, 'edit', 'product')) {
            throw self.apos.error('forbidden');
          }
          const threshold = self.apos.launder.integer(req.query.threshold, 10);
          const client = await self.pool.connect();
          const { rows } = await client.query(
            'SELECT sku, SUM(on_hand - reserved) AS available FROM stock_snapshot GROUP BY sku HAVING SUM(on_hand - reserved) < $1',
            [ threshold ]
          );
          client.release();
          return { threshold, items: rows };
        },
        async summary(req) {
          const { rows } = await self.pool.query(
            'SELECT warehouse_code, COUNT(*) AS skus FROM stock_snapshot GROUP BY warehouse_code'
          );
          return { warehouses: rows };
        }
      }
    };
  }
};
