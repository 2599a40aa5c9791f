import pigpio, { Gpio } from "pigpio";
import { recordTransition, durationMs, Channel } from "./store";
import { publishState, notifyDoorLeftOpen } from "./publish";

const DOOR_PIN = Number(process.env.DOOR_PIN ?? 17);
const COMPRESSOR_PIN = Number(process.env.COMPRESSOR_PIN ?? 27);
const DOOR_ALARM_SECONDS = Number(process.env.DOOR_ALARM_SECONDS ?? 120);

// Reed switch: pulled up, goes high when the magnet moves away (door open).
const door = new Gpio(DOOR_PIN, { mode: Gpio.INPUT, pullUpDown: Gpio.PUD_UP, alert: true });
// Opto-isolated 230 V sense on the compressor contactor.
const compressor = new Gpio(COMPRESSOR_PIN, { mode: Gpio.INPUT, pullUpDown: Gpio.PUD_DOWN, alert: true });

// ignore contact bounce shorter than 20 ms
door.glitchFilter(20_000);
compressor.glitchFilter(50_000);

let doorOpenedAt: number | null = null;
let alarmSent = false;

async function onTransition(channel: Channel, level: 0 | 1, tick: number) {
  const at = new Date();
  try {
    await recordTransition({ channel, level, tick, at });
    if (channel === "door") {
      await publishState("door", level === 1 ? "open" : "closed");
    } else {
      await publishState("compressor", level === 1 ? "running" : "idle");
    }
  } catch (err) {
    console.error(`failed to record ${channel} transition`, err);
  }
}

door.on("alert", (level: number, tick: number) => {
  if (level === 1) {
    doorOpenedAt = tick;
    alarmSent = false;
  } else if (doorOpenedAt !== null) {
    console.log(`door closed after ${durationMs(doorOpenedAt, tick).toFixed(0)} ms`);
    doorOpenedAt = null;
  }
  void onTransition("door", level as 0 | 1, tick);
});

compressor.on("alert", (level: number, tick: number) => {
  void onTransition("compressor", level as 0 | 1, tick);
});

// Door-left-open watchdog, checked every 5 s.
const watchdog = setInterval(() => {
  if (doorOpenedAt === null || alarmSent) return;
  const openFor = durationMs(doorOpenedAt, pigpio.getTick()) / 1000;
  if (openFor >= DOOR_ALARM_SECONDS) {
    alarmSent = true;
    notifyDoorLeftOpen(openFor).catch((err) => console.error("ntfy failed", err));
  }
}, 5_000);

function shutdown() {
  clearInterval(watchdog);
  door.disableAlert();
  compressor.disableAlert();
  pigpio.terminate();
  process.exit(0);
}

process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
console.log(`monitoring door on GPIO${DOOR_PIN}, compressor on GPIO${COMPRESSOR_PIN}`);
