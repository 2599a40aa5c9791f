import { Gpio } from "onoff";
import { connectPool, createRedis } from "./clients.js";
import { makeTurnstileHandler } from "./turnstile.js";

const GATE_ID = process.env.GATE_ID ?? "gate-1";

async function main() {
  const pool = await connectPool(process.env.DATABASE_URL!);
  const redis = createRedis(process.env.REDIS_URL!);

  const sensors = [
    { pin: Number(process.env.PIN_IN ?? 17), direction: "in" as const },
    { pin: Number(process.env.PIN_OUT ?? 27), direction: "out" as const },
  ].map(({ pin, direction }) => {
    const gpio = new Gpio(pin, "in", "rising", { debounceTimeout: 30 });
    gpio.watch(makeTurnstileHandler({ pool, redis, gateId: GATE_ID, direction }));
    return gpio;
  });

  console.log(`watching ${sensors.length} sensors for ${GATE_ID}`);

  const shutdown = async () => {
    for (const gpio of sensors) {
      gpio.unwatchAll();
      gpio.unexport();
    }
    await pool.end();
    await redis.quit();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
