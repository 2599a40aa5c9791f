const { query, withTransaction } = require('../lib/db');
const { redisForTenant, isKnownTenant } = require('../lib/tenant-redis');

const DETAIL_TTL_SECONDS = 30;

module.exports = class extends think.Controller {
  // Runs before every action of this controller (once per request).
  __before() {
    const tenant = this.header('x-tenant-id');
    if (!tenant || !isKnownTenant(tenant)) {
      return this.fail(400, 'unknown or missing X-Tenant-Id');
    }
    this.tenant = tenant;
  }

  async listAction() {
    const page = Math.max(1, parseInt(this.get('page'), 10) || 1);
    const status = this.get('status');
    const rows = await query(
      `SELECT id, number, status, total_cents, created_at
         FROM orders
        WHERE tenant_id = ? AND (? IS NULL OR status = ?)
        ORDER BY created_at DESC LIMIT 50 OFFSET ?`,
      [this.tenant, status || null, status || null, (page - 1) * 50],
    );
    return this.success({ page, rows });
  }

  async detailAction() {
    const id = parseInt(this.get('id'), 10);
    if (!id) {
      return this.fail(400, 'id required');
    }
    const redis = redisForTenant(this.tenant);
    const cacheKey = `order:${id}`;
    const cached = await redis.get(cacheKey);
    if (cached) {
      return this.success(JSON.parse(cached));
    }
    const [order] = await query('SELECT * FROM orders WHERE tenant_id = ? AND id = ?', [this.tenant, id]);
    if (!order) {
      return this.fail(404, 'order not found');
    }
    order.lines = await query('SELECT sku, qty, price_cents FROM order_lines WHERE order_id = ?', [id]);
    await redis.set(cacheKey, JSON.stringify(order), 'EX', DETAIL_TTL_SECONDS);
    return this.success(order);
  }

  async cancelAction() {
    if (!this.isPost) {
      return this.fail(405, 'POST required');
    }
    const id = parseInt(this.post('id'), 10);
    const reason = this.post('reason') || 'customer request';
    const cancelled = await withTransaction(async (conn) => {
      const [rows] = await conn.execute(
        'SELECT status FROM orders WHERE tenant_id = ? AND id = ? FOR UPDATE',
        [this.tenant, id],
      );
      if (rows.length === 0 || rows[0].status === 'shipped') {
        return false;
      }
      await conn.execute("UPDATE orders SET status = 'cancelled', cancel_reason = ? WHERE id = ?", [reason, id]);
      await conn.execute('UPDATE stock s JOIN order_lines l ON l.sku = s.sku SET s.reserved = s.reserved - l.qty WHERE l.order_id = ?', [id]);
      return true;
    });
    if (!cancelled) {
      return this.fail(409, 'order cannot be cancelled');
    }
    await redisForTenant(this.tenant).del(`order:${id}`);
    return this.success({ id, status: 'cancelled' });
  }
};
