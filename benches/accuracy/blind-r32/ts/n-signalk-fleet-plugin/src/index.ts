import { InfluxDB, Point, type WriteApi } from "@influxdata/influxdb-client";
import { Pool } from "pg";
import { alarmRecorder } from "./alarms";

type Options = {
  vesselId: string;
  pgUrl: string;
  influxUrl: string;
  influxToken: string;
  influxOrg: string;
  influxBucket: string;
  periodMs: number;
};

export = function fleetTelemetry(app: any) {
  let unsubscribes: Array<() => void> = [];
  let pool: Pool | undefined;
  let writeApi: WriteApi | undefined;

  function onDelta(options: Options, record: ReturnType<typeof alarmRecorder>) {
    return (delta: any) => {
      for (const update of delta.updates ?? []) {
        for (const { path, value } of update.values ?? []) {
          if (path === "navigation.position" && value) {
            writeApi!.writePoint(
              new Point("position")
                .tag("vessel", options.vesselId)
                .floatField("lat", value.latitude)
                .floatField("lon", value.longitude),
            );
          } else if (path.startsWith("propulsion.") && typeof value === "number") {
            writeApi!.writePoint(new Point("engine").tag("vessel", options.vesselId).tag("path", path).floatField("value", value));
          } else if (path.startsWith("notifications.") && value?.state && value.state !== "normal") {
            record(path, value.state, value.message ?? "").catch((err) => app.error(`alarm insert failed: ${err.message}`));
          }
        }
      }
    };
  }

  const plugin = {
    id: "signalk-fleet-telemetry",
    name: "Fleet telemetry",
    description: "Sends position, engine data and alarms to the fleet backend",

    start(options: Options) {
      pool = new Pool({ connectionString: options.pgUrl, max: 3 });
      writeApi = new InfluxDB({ url: options.influxUrl, token: options.influxToken }).getWriteApi(
        options.influxOrg,
        options.influxBucket,
        "ms",
        { flushInterval: 10_000, batchSize: 500 },
      );
      const record = alarmRecorder(pool, options.vesselId);

      app.subscriptionmanager.subscribe(
        {
          context: "vessels.self",
          subscribe: [
            { path: "navigation.position", period: options.periodMs },
            { path: "propulsion.*", period: options.periodMs },
            { path: "notifications.*", policy: "instant" },
          ],
        },
        unsubscribes,
        (err: unknown) => app.error(String(err)),
        onDelta(options, record),
      );
      app.setPluginStatus("Streaming to fleet backend");
    },

    async stop() {
      unsubscribes.forEach((f) => f());
      unsubscribes = [];
      const w = writeApi;
      const p = pool;
      writeApi = undefined;
      pool = undefined;
      await w?.close().catch((err) => app.error(`influx flush failed: ${err.message}`));
      await p?.end();
    },

    schema: {
      type: "object",
      required: ["vesselId", "pgUrl", "influxUrl", "influxToken"],
      properties: {
        vesselId: { type: "string", title: "Vessel id" },
        pgUrl: { type: "string", title: "Fleet Postgres URL" },
        influxUrl: { type: "string", title: "InfluxDB URL" },
        influxToken: { type: "string", title: "InfluxDB token" },
        influxOrg: { type: "string", title: "InfluxDB org", default: "fleet" },
        influxBucket: { type: "string", title: "InfluxDB bucket", default: "telemetry" },
        periodMs: { type: "number", title: "Sampling period (ms)", default: 5000 },
      },
    },
  };

  return plugin;
};
