import type { Log } from "viem";
import { indexerDb } from "../store/db.js";

type ApprovalLog = Log & {
  args: { owner?: `0x${string}`; spender?: `0x${string}`; value?: bigint };
};

export async function handleApprovals(logs: ApprovalLog[]): Promise<void> {
  const ops = logs
    .filter((l) => l.args.owner && l.args.spender)
    .map((l) => ({
      updateOne: {
        filter: { owner: l.args.owner!.toLowerCase(), spender: l.args.spender!.toLowerCase() },
        update: { $set: { allowance: (l.args.value ?? 0n).toString(), block: Number(l.blockNumber) } },
        upsert: true,
      },
    }));
  if (ops.length > 0) {
    await indexerDb.collection("allowances").bulkWrite(ops, { ordered: false });
  }
}
