import { Redis } from 'ioredis';
import { sql, loadOrder, markNotified, alreadyNotified } from './db.js';
import { getTemplate, render } from './templates.js';
import { sendEmail } from './mailer.js';

// A connection in subscriber mode cannot issue other commands, so it is dedicated.
const sub = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  connectionName: 'order-notifier-sub',
});

const NOTIFY_EVENTS = new Set(['paid', 'shipped', 'refunded', 'cancelled']);

function money(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

async function handle(channel: string, message: string): Promise<void> {
  // channel: orders:<event>, message: {"orderId": "..."}
  const event = channel.split(':')[1];
  if (!NOTIFY_EVENTS.has(event)) return;
  const { orderId } = JSON.parse(message) as { orderId: string };

  if (await alreadyNotified(orderId, event)) return;
  const order = await loadOrder(orderId);
  if (!order) {
    console.warn(`[notifier] order ${orderId} not found`);
    return;
  }

  const tpl = await getTemplate(`order_${event}`, order.locale);
  const vars = {
    name: order.customer_name,
    orderId: order.id,
    total: money(order.total_cents, order.currency, order.locale),
  };
  const messageId = await sendEmail({
    to: order.customer_email,
    subject: render(tpl.subject, vars),
    html: render(tpl.html, vars),
    text: render(tpl.text, vars),
    tags: { event, order: order.id },
  });
  await markNotified(orderId, event, messageId);
}

sub.on('pmessage', (_pattern: string, channel: string, message: string) => {
  handle(channel, message).catch((err) => console.error(`[notifier] ${channel} failed`, err));
});

await sub.psubscribe('orders:*');
console.log('[notifier] subscribed to orders:*');

async function shutdown(): Promise<void> {
  await sub.quit();
  await sql.end({ timeout: 5 });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
