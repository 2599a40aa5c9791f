import { task } from "hardhat/config";
import { Client } from "pg";

// npx hardhat record-deployment --network mainnet --name Vault --address 0x...
// Runs once per invocation: stores the deployed address and bytecode hash in
// the ops database so the dashboard knows about it.
task("record-deployment", "Record a deployed contract in the ops database")
  .addParam("name", "Contract name")
  .addParam("address", "Deployed address")
  .setAction(async ({ name, address }: { name: string; address: string }, hre) => {
    const code = await hre.ethers.provider.getCode(address);
    if (code === "0x") {
      throw new Error(`no contract at ${address} on ${hre.network.name}`);
    }
    const codeHash = hre.ethers.keccak256(code);
    const { chainId } = await hre.ethers.provider.getNetwork();

    const db = new Client({ connectionString: process.env.OPS_DATABASE_URL });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO deployments (chain_id, name, address, code_hash, recorded_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (chain_id, address) DO UPDATE SET name = EXCLUDED.name, code_hash = EXCLUDED.code_hash`,
        [chainId.toString(), name, address.toLowerCase(), codeHash]
      );
      console.log(`recorded ${name} at ${address} (chain ${chainId})`);
    } finally {
      await db.end();
    }
  });
