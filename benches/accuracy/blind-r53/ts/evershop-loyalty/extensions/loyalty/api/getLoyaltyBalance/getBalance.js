import { select } from '@evershop/postgres-query-builder';
import { pool } from '@evershop/evershop/src/lib/postgres/connection.js';
import { OK, INVALID_PAYLOAD, NOT_FOUND } from '@evershop/evershop/src/lib/util/httpStatus.js';

// EverShop API middleware: runs on every GET /api/loyalty/balance/:customerId
export default async (request, response, delegate, next) => {
  const customerId = Number(request.params.customerId);
  if (!Number.isInteger(customerId) || customerId <= 0) {
    response.status(INVALID_PAYLOAD);
    response.json({ error: { status: INVALID_PAYLOAD, message: 'Invalid customer id' } });
    return;
  }

  const customer = await select('customer_id', 'full_name').from('customer').where('customer_id', '=', customerId).load(pool);
  if (!customer) {
    response.status(NOT_FOUND);
    response.json({ error: { status: NOT_FOUND, message: 'Customer not found' } });
    return;
  }

  const balance = await select('points', 'updated_at')
    .from('loyalty_balance')
    .where('customer_id', '=', customerId)
    .load(pool);

  const recent = await select('order_id', 'points', 'reason', 'created_at')
    .from('loyalty_point_tx')
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'DESC')
    .limit(0, 10)
    .execute(pool);

  response.status(OK);
  response.json({
    data: {
      customerId,
      name: customer.full_name,
      points: balance ? balance.points : 0,
      updatedAt: balance ? balance.updated_at : null,
      recent,
    },
  });
};
