import { Configuration, Consumer, IMessageTransferable } from "redis-smq";
import { ERedisConfigClient, ICallback } from "redis-smq-common";
import { handlers } from "./handlers/index";
import { pool } from "./lib/db";

Configuration.getSetConfig({
  namespace: "billing",
  redis: {
    client: ERedisConfigClient.IOREDIS,
    options: {
      host: process.env.REDIS_HOST ?? "127.0.0.1",
      port: Number(process.env.REDIS_PORT ?? 6379),
    },
  },
});

const consumer = new Consumer();

for (const [queue, handler] of Object.entries(handlers)) {
  const messageHandler = (msg: IMessageTransferable, done: ICallback<void>) => {
    handler(msg.body as Record<string, unknown>)
      .then(() => done())
      .catch((err: Error) => {
        console.error(`[${queue}] message ${msg.id} failed`, err);
        done(err);
      });
  };
  consumer.consume(queue, messageHandler, (err) => {
    if (err) console.error(`could not register consumer for ${queue}`, err);
  });
}

consumer.run((err) => {
  if (err) {
    console.error("consumer failed to start", err);
    process.exit(1);
  }
  console.log("billing consumer running");
});

process.on("SIGTERM", () => {
  consumer.shutdown(() => {
    pool.end().finally(() => process.exit(0));
  });
});
