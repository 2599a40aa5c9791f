import { task, types } from "hardhat/config";
import { openClient } from "./db";

const ERC20_ABI = ["function balanceOf(address) view returns (uint256)"];

task("snapshot-holders", "Writes current balances of known holders into the ops DB")
  .addParam("token", "ERC-20 token address")
  .addOptionalParam("label", "snapshot label", "manual", types.string)
  .setAction(async ({ token, label }, hre) => {
    const erc20 = await hre.ethers.getContractAt(ERC20_ABI, token);
    const block = await hre.ethers.provider.getBlockNumber();

    const db = openClient();
    await db.connect();
    try {
      const { rows } = await db.query<{ address: string }>(
        "select address from holders where token = $1",
        [token.toLowerCase()],
      );
      await db.query("BEGIN");
      for (const { address } of rows) {
        const balance: bigint = await erc20.balanceOf(address);
        await db.query(
          "insert into balance_snapshots (label, token, address, block, balance) values ($1, $2, $3, $4, $5)",
          [label, token.toLowerCase(), address, block, balance.toString()],
        );
      }
      await db.query("COMMIT");
      console.log(`snapshot ${label}: ${rows.length} holders at block ${block}`);
    } catch (err) {
      await db.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      await db.end();
    }
  });
