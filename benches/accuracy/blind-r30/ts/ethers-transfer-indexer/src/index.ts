import { Contract, WebSocketProvider } from "ethers";
import { ERC20_ABI } from "./abi.js";
import { onBlock, onTransfer } from "./handlers.js";

const provider = new WebSocketProvider(process.env.RPC_WS_URL!);
const token = new Contract(process.env.TOKEN_ADDRESS!, ERC20_ABI, provider);

// ethers calls the listener once per matching log / per new block
await token.on("Transfer", (from, to, value, payload) =>
  onTransfer(from, to, value, payload).catch((err) =>
    console.error("transfer handler failed", err),
  ),
);

await provider.on("block", (blockNumber: number) =>
  onBlock(blockNumber).catch((err) => console.error("block handler failed", err)),
);

process.on("SIGTERM", async () => {
  await token.removeAllListeners();
  await provider.destroy();
  process.exit(0);
});

console.log("indexer listening for Transfer events");
