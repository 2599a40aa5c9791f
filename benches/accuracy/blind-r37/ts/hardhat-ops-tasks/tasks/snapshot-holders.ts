import { task, types } from "hardhat/config";
import { Client } from "pg";
import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";

const STEP = 5_000;

// npx hardhat snapshot-holders --network mainnet --vault 0x... --from 19000000
// One-off: walks Transfer events block range by block range, writes the
// balances to Postgres and uploads a CSV snapshot to S3. Both clients are
// created once for the invocation and closed before the task returns.
task("snapshot-holders", "Snapshot vault share holders")
  .addParam("vault", "Vault address")
  .addOptionalParam("from", "Start block", 0, types.int)
  .setAction(async ({ vault, from }: { vault: string; from: number }, hre) => {
    const token = await hre.ethers.getContractAt("Vault", vault);
    const latest = await hre.ethers.provider.getBlockNumber();
    const balances = new Map<string, bigint>();

    for (let start = from; start <= latest; start += STEP) {
      const end = Math.min(start + STEP - 1, latest);
      const events = await token.queryFilter(token.filters.Transfer(), start, end);
      for (const ev of events) {
        const [src, dst, value] = (ev as any).args as [string, string, bigint];
        balances.set(src, (balances.get(src) ?? 0n) - value);
        balances.set(dst, (balances.get(dst) ?? 0n) + value);
      }
      console.log(`scanned ${start}-${end}: ${events.length} transfers`);
    }

    const db = new Client({ connectionString: process.env.OPS_DATABASE_URL });
    const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });
    await db.connect();
    try {
      await db.query("BEGIN");
      await db.query("DELETE FROM holder_snapshots WHERE vault = $1 AND block_number = $2", [vault, latest]);
      for (const [holder, balance] of balances) {
        if (balance <= 0n || holder === hre.ethers.ZeroAddress) continue;
        await db.query(
          "INSERT INTO holder_snapshots (vault, block_number, holder, balance) VALUES ($1, $2, $3, $4)",
          [vault, latest, holder, balance.toString()]
        );
      }
      await db.query("COMMIT");

      const csv = ["holder,balance", ...[...balances].filter(([, b]) => b > 0n).map(([h, b]) => `${h},${b}`)].join("\n");
      await s3.send(
        new PutObjectCommand({
          Bucket: process.env.SNAPSHOT_BUCKET,
          Key: `snapshots/${vault}/${latest}.csv`,
          Body: csv,
          ContentType: "text/csv",
        })
      );
    } catch (err) {
      await db.query("ROLLBACK");
      throw err;
    } finally {
      await db.end();
      s3.destroy();
    }
  });
