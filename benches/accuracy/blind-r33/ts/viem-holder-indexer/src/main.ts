import { createPublicClient, parseAbi, webSocket } from "viem";
import { mainnet } from "viem/chains";
import { handleTransfers } from "./handlers/transfers.js";
import { handleApprovals } from "./handlers/approvals.js";
import { mongo } from "./store/db.js";

const TOKEN = process.env.TOKEN_ADDRESS as `0x${string}`;

const erc20 = parseAbi([
  "event Transfer(address indexed from, address indexed to, uint256 value)",
  "event Approval(address indexed owner, address indexed spender, uint256 value)",
]);

const client = createPublicClient({
  chain: mainnet,
  transport: webSocket(process.env.ETH_WSS_URL, { reconnect: { attempts: 10, delay: 2_000 } }),
});

async function main() {
  await mongo.connect();

  const unwatchTransfers = client.watchContractEvent({
    address: TOKEN,
    abi: erc20,
    eventName: "Transfer",
    onLogs: (logs) => {
      handleTransfers(logs).catch((err) => console.error("transfer batch failed", err));
    },
    onError: (err) => console.error("transfer watch error", err),
  });

  const unwatchApprovals = client.watchContractEvent({
    address: TOKEN,
    abi: erc20,
    eventName: "Approval",
    onLogs: (logs) => {
      handleApprovals(logs).catch((err) => console.error("approval batch failed", err));
    },
  });

  process.on("SIGINT", async () => {
    unwatchTransfers();
    unwatchApprovals();
    await mongo.close();
    process.exit(0);
  });
}

main();
