import { Client, type TransactionStream } from 'xrpl';
import { publishDeposit, redis } from './cache.js';
import { closeAccounts, creditDeposit, watchedAddresses } from './store/accounts.js';
import { endPayments, lastSeenLedger, recordPayment } from './store/payments.js';

const client = new Client(process.env.XRPL_WSS ?? 'wss://xrplcluster.com', { connectionTimeout: 10_000 });

async function onTransaction(ev: TransactionStream, watched: Set<string>): Promise<void> {
  const tx = ev.tx_json;
  if (!ev.validated || !tx || tx.TransactionType !== 'Payment') return;
  if (!watched.has(tx.Destination)) return;
  if (!ev.meta || typeof ev.meta !== 'object' || ev.meta.TransactionResult !== 'tesSUCCESS') return;

  const delivered = ev.meta.delivered_amount;
  if (typeof delivered !== 'string') return; // issued currencies are reconciled elsewhere

  const inserted = await recordPayment({
    hash: ev.hash ?? '',
    ledgerIndex: ev.ledger_index ?? 0,
    account: tx.Account,
    destination: tx.Destination,
    destinationTag: tx.DestinationTag ?? null,
    deliveredDrops: delivered,
    closeTime: ev.close_time_iso ? new Date(ev.close_time_iso) : new Date(),
  });
  if (!inserted || tx.DestinationTag == null) return;

  const customerId = await creditDeposit(tx.DestinationTag, delivered, ev.hash ?? '');
  if (customerId) await publishDeposit(customerId, delivered, ev.hash ?? '');
}

async function main(): Promise<void> {
  const addresses = await watchedAddresses();
  const watched = new Set(addresses);
  console.log('resuming after ledger', await lastSeenLedger());

  await client.connect();
  await client.request({ command: 'subscribe', accounts: addresses });

  client.on('transaction', (ev) => {
    onTransaction(ev, watched).catch((err) => console.error('payment handling failed', ev.hash, err));
  });
  client.on('disconnected', (code) => console.warn('xrpl disconnected', code));

  const shutdown = async () => {
    await client.disconnect();
    await Promise.allSettled([endPayments(), closeAccounts(), redis.quit()]);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
