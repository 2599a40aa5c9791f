import { PaymentLedger } from "./ledger.js";

export interface PaymentLike {
  id: string;
  paging_token: string;
  type: string;
  from?: string;
  to?: string;
  amount?: string;
  asset_type?: string;
  asset_code?: string;
  asset_issuer?: string;
  transaction_hash: string;
  created_at: string;
  transaction_successful?: boolean;
  transaction: () => Promise<{ memo?: string; memo_type: string }>;
}

function assetOf(p: PaymentLike): string {
  return p.asset_type === "native" ? "XLM" : `${p.asset_code}:${p.asset_issuer}`;
}

export async function handlePayment(p: PaymentLike, account: string): Promise<void> {
  if (p.type !== "payment" && p.type !== "path_payment_strict_receive") return;
  if (p.transaction_successful === false) return;

  const tx = await p.transaction();
  const ledger = new PaymentLedger();

  if (p.from === account) {
    await ledger.recordRefund({
      opId: p.id,
      txHash: p.transaction_hash,
      asset: assetOf(p),
      amount: p.amount ?? "0",
      refundOf: tx.memo_type === "hash" ? tx.memo ?? null : null,
    });
    return;
  }

  await ledger.recordDeposit({
    opId: p.id,
    txHash: p.transaction_hash,
    from: p.from ?? "",
    asset: assetOf(p),
    amount: p.amount ?? "0",
    memo: tx.memo ?? null,
    at: new Date(p.created_at),
  });
}
