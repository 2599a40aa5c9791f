import { task, types } from "hardhat/config";
import { openPool } from "./db";

const TRANSFER_ABI = ["event Transfer(address indexed from, address indexed to, uint256 value)"];

task("backfill-transfers", "Backfills Transfer events for a block range")
  .addParam("token", "ERC-20 token address")
  .addParam("from", "first block", undefined, types.int)
  .addParam("to", "last block", undefined, types.int)
  .addOptionalParam("step", "blocks per query", 2_000, types.int)
  .setAction(async ({ token, from, to, step }, hre) => {
    const contract = await hre.ethers.getContractAt(TRANSFER_ABI, token);
    const pool = openPool();

    try {
      for (let start = from; start <= to; start += step) {
        const end = Math.min(start + step - 1, to);
        const events = await contract.queryFilter(contract.filters.Transfer(), start, end);

        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          for (const ev of events) {
            if (!("args" in ev)) continue;
            await client.query(
              `insert into transfers (tx_hash, log_index, block, from_addr, to_addr, value)
               values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
              [ev.transactionHash, ev.index, ev.blockNumber, ev.args[0], ev.args[1], ev.args[2].toString()],
            );
          }
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK");
          throw err;
        } finally {
          client.release();
        }
        console.log(`blocks ${start}-${end}: ${events.length} transfers`);
      }
    } finally {
      await pool.end();
    }
  });
