import mysql from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';
import type { Message, Whatsapp } from '@wppconnect-team/wppconnect';

interface OrderRow extends RowDataPacket {
  id: number;
  status: string;
  total: string;
  tracking_code: string | null;
  phone: string;
}

const STATUS_PT: Record<string, string> = {
  pending: 'aguardando pagamento',
  paid: 'pago, em separação',
  shipped: 'enviado',
  delivered: 'entregue',
  cancelled: 'cancelado',
};

function phoneFromChatId(chatId: string): string {
  return chatId.replace(/@c\.us$/, '').replace(/\D/g, '');
}

export async function handleOrderStatus(client: Whatsapp, message: Message, orderId?: string): Promise<void> {
  if (!orderId || !/^\d+$/.test(orderId)) {
    await client.sendText(message.from, 'Envie: !pedido <número do pedido>');
    return;
  }

  const conn = await mysql.createConnection({ uri: process.env.SHOP_DB_URL, timezone: 'Z' });
  const [rows] = await conn.execute<OrderRow[]>(
    'SELECT id, status, total, tracking_code, phone FROM orders WHERE id = ?',
    [Number(orderId)],
  );

  const order = rows[0];
  // only reveal the order to the number that placed it
  if (!order || phoneFromChatId(message.from) !== order.phone.replace(/\D/g, '')) {
    await client.sendText(message.from, `Não encontramos o pedido ${orderId} para este número.`);
    return;
  }

  const lines = [
    `Pedido #${order.id}: ${STATUS_PT[order.status] ?? order.status}`,
    `Total: R$ ${Number(order.total).toFixed(2)}`,
  ];
  if (order.tracking_code) {
    lines.push(`Rastreio: https://rastreamento.correios.com.br/app/index.php?objeto=${order.tracking_code}`);
  }
  await client.sendText(message.from, lines.join('\n'));
}
