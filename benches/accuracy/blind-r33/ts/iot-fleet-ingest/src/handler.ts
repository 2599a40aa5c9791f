import { mqtt5 } from "aws-iot-device-sdk-v2";
import { PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Deps } from "./lib/clients";

interface Telemetry {
  ts: number;
  lat: number;
  lon: number;
  speedKmh: number;
  fuelPct: number;
}

export function makeMessageHandler({ pool, ddb }: Deps) {
  return async (event: mqtt5.MessageReceivedEvent): Promise<void> => {
    const topic = event.message.topicName; // fleet/<vehicleId>/telemetry
    const vehicleId = topic.split("/")[1];
    const payload = event.message.payload;
    if (!payload) return;
    const t = JSON.parse(Buffer.from(payload as ArrayBuffer).toString("utf8")) as Telemetry;

    await ddb.send(
      new UpdateCommand({
        TableName: "vehicle_state",
        Key: { vehicleId },
        UpdateExpression: "SET lat = :lat, lon = :lon, speedKmh = :s, fuelPct = :f, seenAt = :ts",
        ExpressionAttributeValues: { ":lat": t.lat, ":lon": t.lon, ":s": t.speedKmh, ":f": t.fuelPct, ":ts": t.ts },
      }),
    );

    if (t.fuelPct < 10) {
      const client = await pool.connect();
      try {
        await client.query(
          "insert into low_fuel_events (vehicle_id, fuel_pct, lat, lon, observed_at) values ($1, $2, $3, $4, to_timestamp($5 / 1000.0))",
          [vehicleId, t.fuelPct, t.lat, t.lon, t.ts],
        );
      } finally {
        client.release();
      }
      await ddb.send(
        new PutCommand({ TableName: "dispatch_queue", Item: { vehicleId, reason: "low_fuel", at: t.ts } }),
      );
    }
  };
}
