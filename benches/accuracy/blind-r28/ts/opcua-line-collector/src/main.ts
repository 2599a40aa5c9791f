import {
  AttributeIds,
  ClientMonitoredItem,
  ClientSubscription,
  MessageSecurityMode,
  OPCUAClient,
  SecurityPolicy,
  TimestampsToReturn,
  type DataValue,
} from "node-opcua";
import { connectPostgres, makeClickHouse } from "./db.js";
import { Recorder, type TagSpec } from "./recorder.js";

const LINE = process.env.LINE_ID ?? "pack-03";
const ENDPOINT = process.env.OPCUA_ENDPOINT ?? "opc.tcp://plc-pack-03.plant.local:4840";

const TAGS: TagSpec[] = [
  { name: "infeed_speed", nodeId: "ns=3;s=\"DB_Line\".\"Infeed\".\"Speed\"" },
  { name: "sealer_temp", nodeId: "ns=3;s=\"DB_Line\".\"Sealer\".\"Temp\"", alarmAbove: 210 },
  { name: "reject_count", nodeId: "ns=3;s=\"DB_Line\".\"Vision\".\"Rejects\"" },
  { name: "motor_current", nodeId: "ns=3;s=\"DB_Line\".\"Drive1\".\"Current\"", alarmAbove: 18.5 },
];

async function main(): Promise<void> {
  const pool = await connectPostgres(process.env.DATABASE_URL ?? "postgres://collector@db.plant.local/plant");
  const clickhouse = makeClickHouse();
  const recorder = new Recorder(LINE, pool, clickhouse);

  const client = OPCUAClient.create({
    applicationName: `line-collector-${LINE}`,
    connectionStrategy: { initialDelay: 1_000, maxDelay: 10_000, maxRetry: -1 },
    securityMode: MessageSecurityMode.None,
    securityPolicy: SecurityPolicy.None,
    endpointMustExist: false,
    keepSessionAlive: true,
  });
  client.on("backoff", (retry, delay) => console.warn(`opc ua connect retry ${retry} in ${delay} ms`));
  client.on("connection_reestablished", () => console.log("opc ua connection re-established"));

  await client.connect(ENDPOINT);
  const session = await client.createSession();
  const subscription = ClientSubscription.create(session, {
    requestedPublishingInterval: 500,
    requestedLifetimeCount: 120,
    requestedMaxKeepAliveCount: 10,
    maxNotificationsPerPublish: 200,
    publishingEnabled: true,
    priority: 10,
  });

  for (const tag of TAGS) {
    const item = ClientMonitoredItem.create(
      subscription,
      { nodeId: tag.nodeId, attributeId: AttributeIds.Value },
      { samplingInterval: 250, discardOldest: true, queueSize: 20 },
      TimestampsToReturn.Both,
    );
    item.on("changed", (dataValue: DataValue) => recorder.record(tag, dataValue));
  }

  const flushTimer = setInterval(() => {
    recorder.flush().catch((err) => console.error(`clickhouse flush failed: ${err.message}`));
  }, 2_000);

  const shutdown = async () => {
    clearInterval(flushTimer);
    await subscription.terminate();
    await session.close();
    await client.disconnect();
    await recorder.flush().catch(() => undefined);
    await Promise.allSettled([pool.end(), clickhouse.close()]);
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  console.log(`collecting ${TAGS.length} tags from ${ENDPOINT}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
