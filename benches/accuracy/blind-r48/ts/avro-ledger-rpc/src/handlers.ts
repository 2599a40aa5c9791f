import { id, CreateTransferError } from 'tigerbeetle-node';
import { ledgerClient, LEDGER_EUR, CODE_PAYMENT } from './ledger';
import { recordTransfer } from './audit';

type Callback<T> = (err: string | null, res?: T) => void;

export async function transfer(
  caller: string,
  debitAccountId: string,
  creditAccountId: string,
  amountMinor: string,
  reference: string,
): Promise<string> {
  const tb = ledgerClient();
  const transferId = id();
  const errors = await tb.createTransfers([
    {
      id: transferId,
      debit_account_id: BigInt(debitAccountId),
      credit_account_id: BigInt(creditAccountId),
      amount: BigInt(amountMinor),
      pending_id: 0n,
      user_data_128: 0n,
      user_data_64: 0n,
      user_data_32: 0,
      timeout: 0,
      ledger: LEDGER_EUR,
      code: CODE_PAYMENT,
      flags: 0,
      timestamp: 0n,
    },
  ]);
  tb.destroy();

  if (errors.length > 0) {
    throw new Error(CreateTransferError[errors[0].result]);
  }

  await recordTransfer({
    transferId,
    debit: debitAccountId,
    credit: creditAccountId,
    amount: BigInt(amountMinor),
    reference,
    caller,
  });
  return transferId.toString();
}

export async function balance(accountId: string) {
  const tb = ledgerClient();
  try {
    const [account] = await tb.lookupAccounts([BigInt(accountId)]);
    if (!account) throw new Error(`unknown account ${accountId}`);
    return {
      accountId,
      debitsPosted: account.debits_posted.toString(),
      creditsPosted: account.credits_posted.toString(),
    };
  } finally {
    tb.destroy();
  }
}

export function respond<T>(cb: Callback<T>, p: Promise<T>): void {
  p.then(
    (res) => cb(null, res),
    (err: Error) => cb(err.message),
  );
}
