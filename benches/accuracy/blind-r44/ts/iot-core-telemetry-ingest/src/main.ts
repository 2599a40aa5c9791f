import { iot, mqtt5 } from "aws-iot-device-sdk-v2";
import { connectPgWithRetry, createSns } from "./clients.js";
import { makeTelemetryHandler } from "./telemetry.js";

const ENDPOINT = process.env.IOT_ENDPOINT ?? "";
const TOPIC_FILTER = "plant/+/line/+/telemetry";

async function main(): Promise<void> {
  const pool = await connectPgWithRetry();
  const sns = createSns();
  const handleTelemetry = makeTelemetryHandler({
    pool,
    sns,
    alarmTopicArn: process.env.ALARM_TOPIC_ARN ?? "",
  });

  const builder = iot.AwsIotMqtt5ClientConfigBuilder.newDirectMqttBuilderWithMtlsFromPath(
    ENDPOINT,
    process.env.IOT_CERT_PATH ?? "certs/device.pem.crt",
    process.env.IOT_KEY_PATH ?? "certs/private.pem.key",
  );
  builder.withConnectProperties({
    clientId: process.env.IOT_CLIENT_ID ?? "telemetry-ingest-1",
    keepAliveIntervalSeconds: 60,
  });
  const client = new mqtt5.Mqtt5Client(builder.build());

  client.on("messageReceived", (event: mqtt5.MessageReceivedEvent) => {
    const { topicName, payload } = event.message;
    const text = Buffer.from(payload as ArrayBuffer).toString("utf8");
    handleTelemetry(topicName, text).catch((err) => console.error(`failed on ${topicName}`, err));
  });
  client.on("connectionSuccess", () => console.log("connected to AWS IoT Core"));
  client.on("disconnection", (event: mqtt5.DisconnectionEvent) => {
    console.warn(`disconnected: ${event.error}`);
  });

  client.start();
  await client.subscribe({
    subscriptions: [{ qos: mqtt5.QoS.AtLeastOnce, topicFilter: TOPIC_FILTER }],
  });

  const shutdown = async () => {
    client.stop();
    client.close();
    sns.destroy();
    await pool.end();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
