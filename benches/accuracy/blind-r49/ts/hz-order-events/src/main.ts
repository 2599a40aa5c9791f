import { Client } from "hazelcast-client";
import { orderListener } from "./listeners";

async function main(): Promise<void> {
  const hz = await Client.newHazelcastClient({
    clusterName: process.env.HZ_CLUSTER ?? "orders",
    network: { clusterMembers: (process.env.HZ_MEMBERS ?? "127.0.0.1:5701").split(",") },
  });

  const orders = await hz.getMap<string, any>("orders");
  const registrationId = await orders.addEntryListener(orderListener, undefined, true);
  console.log("listening on map 'orders'", registrationId);

  const stop = async () => {
    await orders.removeEntryListener(registrationId);
    await hz.shutdown();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
