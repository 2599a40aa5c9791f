import { SerialPort } from "serialport";
import { ReadlineParser } from "@serialport/parser-readline";
import { setTimeout as sleep } from "node:timers/promises";
import { parseLine } from "./parse.js";
import { createInfluxWriter, Outbox, toPoint } from "./sinks.js";

const STATION = process.env.STATION_ID ?? "roof-01";
const DEVICE = process.env.SERIAL_DEVICE ?? "/dev/ttyUSB0";

function openPort(port: SerialPort): Promise<void> {
  return new Promise((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
}

async function main(): Promise<void> {
  const outbox = new Outbox(process.env.OUTBOX_PATH ?? "/var/lib/weather/outbox.db");
  const writer = createInfluxWriter(STATION);
  const port = new SerialPort({ path: DEVICE, baudRate: 19200, autoOpen: false });

  // The USB adapter enumerates a few seconds after boot.
  for (let attempt = 1; ; attempt++) {
    try {
      await openPort(port);
      break;
    } catch (err) {
      if (attempt === 20) throw err;
      console.warn(`${DEVICE} not ready (${(err as Error).message}), retry ${attempt}`);
      await sleep(3_000);
    }
  }

  const parser = port.pipe(new ReadlineParser({ delimiter: "\r\n" }));
  parser.on("data", (line: string) => {
    const sample = parseLine(line.trim());
    if (!sample) return;
    outbox.add(sample);
  });

  // Drain the outbox into Influx every 15 s; on failure rows stay for the next round.
  const drain = setInterval(async () => {
    const { lastId, samples } = outbox.take(500);
    if (samples.length === 0) return;
    try {
      writer.writePoints(samples.map(toPoint));
      await writer.flush();
      outbox.ack(lastId);
    } catch (err) {
      console.warn("influx write failed, keeping samples", (err as Error).message);
    }
  }, 15_000);

  const shutdown = async () => {
    clearInterval(drain);
    port.close();
    await writer.close().catch(() => undefined);
    outbox.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
