import { select } from '@evershop/postgres-query-builder';
import { pool } from '@evershop/evershop/src/lib/postgres/connection.js';
import { OK, INVALID_PAYLOAD, INTERNAL_SERVER_ERROR } from '@evershop/evershop/src/lib/util/httpStatus.js';
import { putStatement, toCsv } from '../../lib/s3.js';

const MAX_ROWS = 5000;

// POST /api/loyalty/statements/:customerId -> CSV uploaded to S3, presigned link returned
export default async (request, response, delegate, next) => {
  const customerId = Number(request.params.customerId);
  if (!Number.isInteger(customerId) || customerId <= 0) {
    response.status(INVALID_PAYLOAD);
    response.json({ error: { status: INVALID_PAYLOAD, message: 'Invalid customer id' } });
    return;
  }

  try {
    const rows = await select('order_id', 'points', 'reason', 'created_at')
      .from('loyalty_point_tx')
      .where('customer_id', '=', customerId)
      .orderBy('created_at', 'ASC')
      .limit(0, MAX_ROWS)
      .execute(pool);

    const url = await putStatement(customerId, toCsv(rows));
    response.status(OK);
    response.json({ data: { customerId, rows: rows.length, url, expiresInSeconds: 900 } });
  } catch (err) {
    console.error('[loyalty] statement export failed', err);
    response.status(INTERNAL_SERVER_ERROR);
    response.json({ error: { status: INTERNAL_SERVER_ERROR, message: 'Could not export statement' } });
  }
};
