exports.install = function() {
	ROUTE('GET    /api/orders/',              list);
	ROUTE('GET    /api/orders/{id}/',         detail);
	ROUTE('POST   /api/orders/{id}/cancel/',  cancel);
};

async function list() {
	var self = this;
	var limit = Math.min(+(self.query.limit || 50), 200);
	try {
		var rows = await MAIN.query('SELECT id, customer_id, status, total FROM orders ORDER BY created_at DESC LIMIT $1', [limit]);
		self.json(rows);
	} catch (err) {
		self.invalid(err);
	}
}

async function detail(id) {
	var self = this;
	var client = await MAIN.db.connect();
	var order = await client.query('SELECT * FROM orders WHERE id = $1', [id]);
	if (!order.rows.length) {
		self.throw404();
		return;
	}
	var lines = await client.query('SELECT sku, qty, price FROM order_lines WHERE order_id = $1', [id]);
	client.release();
	self.json({ ...order.rows[0], lines: lines.rows });
}

async function cancel(id) {
	var self = this;
	var client = await MAIN.db.connect();
	try {
		await client.query('BEGIN');
		await client.query('UPDATE orders SET status = $2 WHERE id = $1 AND status <> $2', [id, 'cancelled']);
		await client.query('INSERT INTO order_events (order_id, kind) VALUES ($1, $2)', [id, 'cancelled']);
		await client.query('COMMIT');
	} catch (err) {
		await client.query('ROLLBACK');
		self.invalid(err);
		return;
	} finally {
		client.release();
	}
	await MODULE('audit').log(self.user ? self.user.id : 'anonymous', 'cancel', 'order:' + id);
	self.success();
}
