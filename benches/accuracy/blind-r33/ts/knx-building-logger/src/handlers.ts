import { groupAddressMeta } from "./lib/db.js";
import { decodeDpt9, decodeSwitch } from "./lib/dpt.js";
import { storeReading } from "./readings.js";
import { evaluateAlarm } from "./alarms.js";

export function makeHandlers() {
  return {
    connected() {
      console.log("KNX tunnel connected");
    },

    event(evt: string, src: string, dest: string, value: Buffer) {
      if (evt !== "GroupValue_Write" && evt !== "GroupValue_Response") return;
      void onTelegram(src, dest, value).catch((err) =>
        console.error(`telegram ${src} -> ${dest} failed`, err),
      );
    },

    error(status: string) {
      console.error("KNX connection error", status);
    },
  };
}

async function onTelegram(_src: string, dest: string, value: Buffer): Promise<void> {
  const meta = await groupAddressMeta(dest);
  if (!meta) return;

  const numeric = meta.kind === "switch" ? Number(decodeSwitch(value)) : decodeDpt9(value);
  await storeReading(dest, meta.room, meta.kind, numeric);

  if (meta.alarm_above !== null) {
    await evaluateAlarm(dest, meta.room, numeric, meta.alarm_above);
  }
}
