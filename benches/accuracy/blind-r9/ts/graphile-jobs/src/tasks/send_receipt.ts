import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Task } from 'graphile-worker';

interface ReceiptPayload {
  orderId: string;
}

export const send_receipt: Task = async (payload, helpers) => {
  const { orderId } = payload as ReceiptPayload;

  const order = await helpers.withPgClient(async pgClient => {
    const { rows } = await pgClient.query(
      'SELECT o.id, o.total_cents, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = $1',
      [orderId],
    );
    return rows[0] as { id: string; total_cents: number; email: string } | undefined;
  });
  if (!order) {
    helpers.logger.warn(`order ${orderId} vanished before receipt was sent`);
    return;
  }

  const ses = new SESv2Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: 'receipts@shop.example.com',
      Destination: { ToAddresses: [order.email] },
      Content: {
        Simple: {
          Subject: { Data: `Your receipt for order ${order.id}` },
          Body: { Text: { Data: `Total: ${(order.total_cents / 100).toFixed(2)} EUR` } },
        },
      },
    }),
  );
  helpers.logger.info(`receipt sent for ${order.id}`);
};
