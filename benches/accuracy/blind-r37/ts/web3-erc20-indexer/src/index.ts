import { Web3, WebSocketProvider, type Log } from "web3";
import { recordTransfer } from "./store/transfers.js";
import { recordApproval } from "./store/approvals.js";
import { usdValue } from "./pricing.js";

const TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
const APPROVAL = "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925";

const TOKENS = (process.env.TOKENS ?? "").split(",").filter(Boolean);

const web3 = new Web3(
  new WebSocketProvider(process.env.ETH_WS_URL!, {}, { autoReconnect: true, delay: 5000, maxAttempts: 20 })
);

const transferInputs = [
  { type: "address", name: "from", indexed: true },
  { type: "address", name: "to", indexed: true },
  { type: "uint256", name: "value" },
];
const approvalInputs = [
  { type: "address", name: "owner", indexed: true },
  { type: "address", name: "spender", indexed: true },
  { type: "uint256", name: "value" },
];

async function handleLog(log: Log): Promise<void> {
  const topics = (log.topics ?? []) as string[];
  const token = String(log.address);
  const base = {
    token,
    txHash: String(log.transactionHash),
    logIndex: Number(log.logIndex),
    block: Number(log.blockNumber),
  };

  if (topics[0] === TRANSFER) {
    const ev = web3.eth.abi.decodeLog(transferInputs, String(log.data), topics.slice(1));
    const usd = await usdValue(token, BigInt(ev.value as bigint));
    await recordTransfer({ ...base, from: String(ev.from), to: String(ev.to), value: String(ev.value), usd });
  } else if (topics[0] === APPROVAL) {
    const ev = web3.eth.abi.decodeLog(approvalInputs, String(log.data), topics.slice(1));
    await recordApproval({ ...base, owner: String(ev.owner), spender: String(ev.spender), value: String(ev.value) });
  }
}

async function main(): Promise<void> {
  const subscription = await web3.eth.subscribe("logs", {
    address: TOKENS,
    topics: [[TRANSFER, APPROVAL]],
  });

  subscription.on("data", (log) => {
    handleLog(log).catch((err) => console.error(`log ${log.transactionHash}:${log.logIndex} failed`, err));
  });
  subscription.on("error", (err) => console.error("subscription error", err));

  console.log(`indexing ${TOKENS.length} tokens`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
