import type { Log } from "viem";
import { applyHolderDelta } from "../store/holders.js";
import { raiseWhaleAlert } from "../store/alerts.js";
import { recordLedgerEntry } from "./ledger.js";

const WHALE_THRESHOLD = 1_000_000n * 10n ** 18n;

type TransferLog = Log & {
  args: { from?: `0x${string}`; to?: `0x${string}`; value?: bigint };
};

export async function handleTransfers(logs: TransferLog[]): Promise<void> {
  for (const log of logs) {
    const { from, to, value } = log.args;
    if (!from || !to || value === undefined || log.blockNumber === null) continue;

    await applyHolderDelta({ address: from, delta: -value, block: log.blockNumber });
    await applyHolderDelta({ address: to, delta: value, block: log.blockNumber });
    await recordLedgerEntry(log.transactionHash!, log.logIndex!, from, to, value);

    if (value >= WHALE_THRESHOLD) {
      await raiseWhaleAlert(from, to, value, log.transactionHash!);
    }
  }
}
