import { createClient, Client } from 'tigerbeetle-node';

export const LEDGER_EUR = 978;
export const CODE_PAYMENT = 1001;

export function ledgerClient(): Client {
  return createClient({
    cluster_id: BigInt(process.env.TB_CLUSTER_ID ?? '0'),
    replica_addresses: (process.env.TB_ADDRESSES ?? '3000').split(','),
  });
}
