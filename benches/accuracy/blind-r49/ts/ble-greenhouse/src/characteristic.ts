import bleno from "@abandonware/bleno";
import { createClient } from "redis";
import { offsetFor } from "./calibration.js";
import { storeReading } from "./readings.js";

export const READING_UUID = "6e400002b5a3f393e0a9e50e24dcca9e";

export class ReadingCharacteristic extends bleno.Characteristic {
  constructor() {
    super({ uuid: READING_UUID, properties: ["write", "writeWithoutResponse"] });
  }

  onWriteRequest(
    data: Buffer,
    offset: number,
    withoutResponse: boolean,
    callback: (result: number) => void,
  ): void {
    if (offset !== 0 || data.length < 6) {
      callback(this.RESULT_INVALID_ATTRIBUTE_LENGTH);
      return;
    }
    const sensorId = data.readUInt16LE(0);
    const rawC = data.readInt16LE(2) / 100;
    const humidity = data.readUInt16LE(4) / 100;

    this.handle(sensorId, rawC, humidity)
      .then(() => callback(this.RESULT_SUCCESS))
      .catch((err) => {
        console.error("reading failed", err);
        callback(this.RESULT_UNLIKELY_ERROR);
      });
  }

  private async handle(sensorId: number, rawC: number, humidity: number): Promise<void> {
    const celsius = rawC + (await offsetFor(sensorId));
    await storeReading(sensorId, celsius, humidity);

    const live = createClient({ url: process.env.REDIS_URL ?? "redis://localhost:6379" });
    await live.connect();
    await live.hSet(`sensor:${sensorId}`, { celsius: String(celsius), humidity: String(humidity) });
  }
}
