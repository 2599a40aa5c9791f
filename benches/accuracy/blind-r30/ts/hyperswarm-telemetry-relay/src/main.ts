import Hyperswarm from "hyperswarm";
import crypto from "hypercore-crypto";
import b4a from "b4a";
import { createPool, createRedis } from "./db.js";
import { makePeerHandler } from "./peer.js";

const pool = createPool();
const redis = createRedis();

const swarm = new Hyperswarm();
swarm.on("connection", makePeerHandler({ pool, redis }));

const topic = crypto.discoveryKey(b4a.from(process.env.FLEET_TOPIC_KEY!, "hex"));
const discovery = swarm.join(topic, { server: true, client: false });
await discovery.flushed();
console.log("relay announced on fleet topic");

async function shutdown(): Promise<void> {
  await swarm.destroy();
  await redis.quit();
  await pool.end();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
