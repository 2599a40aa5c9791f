import { iot, mqtt5 } from "aws-iot-device-sdk-v2";
import { buildDeps } from "./lib/clients";
import { makeMessageHandler } from "./handler";

async function main() {
  const deps = await buildDeps();
  const onMessage = makeMessageHandler(deps);

  const builder = iot.AwsIotMqtt5ClientConfigBuilder.newDirectMqttBuilderWithMtlsFromPath(
    process.env.IOT_ENDPOINT!,
    process.env.IOT_CERT_PATH!,
    process.env.IOT_KEY_PATH!,
  );
  builder.withConnectProperties({ clientId: `fleet-ingest-${process.pid}`, keepAliveIntervalSeconds: 60 });

  const client = new mqtt5.Mqtt5Client(builder.build());

  client.on("messageReceived", (event: mqtt5.MessageReceivedEvent) => {
    onMessage(event).catch((err) => console.error("telemetry failed", event.message.topicName, err));
  });
  client.on("connectionSuccess", () => console.log("connected to AWS IoT Core"));
  client.on("disconnection", (e: mqtt5.DisconnectionEvent) => console.warn("disconnected", e.error));

  client.start();
  await client.subscribe({
    subscriptions: [{ topicFilter: "$share/ingest/fleet/+/telemetry", qos: mqtt5.QoS.AtLeastOnce }],
  });

  const shutdown = async () => {
    client.stop();
    client.close();
    await deps.pool.end();
    deps.ddb.destroy();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error("fatal", err);
  process.exit(1);
});
