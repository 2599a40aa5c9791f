import * as Bacon from "baconjs";
import WebSocket from "ws";
import type { Reading } from "./types.js";
import { writeRollup } from "./db.js";
import { archiveReading } from "./archive.js";
import { thresholdFor, recordAlert } from "./alerts/store.js";

const socket = new WebSocket(process.env.GATEWAY_WS_URL ?? "ws://gateway.local:8080/readings");

const readings: Bacon.EventStream<Reading> = Bacon.fromEvent<WebSocket.RawData>(socket, "message")
  .map((data) => JSON.parse(data.toString()) as Reading)
  .filter((r) => Number.isFinite(r.value));

// 1. raw archive, one insert per reading
readings
  .flatMapWithConcurrencyLimit(8, (r) => Bacon.fromPromise(archiveReading(r)))
  .onError((err) => console.error("archive failed", err));

// 2. per-minute rollup, batched
readings
  .bufferWithTimeOrCount(60_000, 500)
  .flatMapConcat((batch) => Bacon.fromPromise(writeRollup(batch)))
  .onError((err) => console.error("rollup failed", err));

// 3. threshold alerts
readings
  .flatMap((r) =>
    Bacon.fromPromise(
      thresholdFor(r.house, r.kind).then(async (t) => {
        if (!t) return;
        if (r.value < t.min) await recordAlert(r, `below ${t.min}`);
        else if (r.value > t.max) await recordAlert(r, `above ${t.max}`);
      })
    )
  )
  .onError((err) => console.error("alert check failed", err));

socket.on("open", () => console.log("connected to gateway"));
socket.on("close", () => {
  console.error("gateway closed the stream");
  process.exit(1);
});
