import bleno from "@abandonware/bleno";
import { ReadingCharacteristic } from "./characteristic.js";

const SERVICE_UUID = "6e400001b5a3f393e0a9e50e24dcca9e";
const characteristic = new ReadingCharacteristic();

bleno.on("stateChange", (state: string) => {
  if (state === "poweredOn") {
    bleno.startAdvertising("greenhouse-hub", [SERVICE_UUID]);
  } else {
    bleno.stopAdvertising();
  }
});

bleno.on("advertisingStart", (err?: Error | null) => {
  if (err) {
    console.error("advertising failed", err);
    return;
  }
  bleno.setServices([
    new bleno.PrimaryService({ uuid: SERVICE_UUID, characteristics: [characteristic] }),
  ]);
});

bleno.on("accept", (addr: string) => console.log("sensor connected", addr));
