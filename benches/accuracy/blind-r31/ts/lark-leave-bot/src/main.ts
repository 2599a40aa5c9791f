import * as lark from "@larksuiteoapi/node-sdk";
import { connectMongo } from "./store.js";
import { makeHandlers } from "./handlers.js";

async function main() {
  const appId = process.env.LARK_APP_ID!;
  const appSecret = process.env.LARK_APP_SECRET!;

  const mongo = await connectMongo(process.env.MONGO_URL ?? "mongodb://localhost:27017");
  const client = new lark.Client({ appId, appSecret, domain: lark.Domain.Feishu });
  const handlers = makeHandlers({ mongo, lark: client });

  const wsClient = new lark.WSClient({ appId, appSecret, loggerLevel: lark.LoggerLevel.info });
  wsClient.start({
    eventDispatcher: new lark.EventDispatcher({}).register({
      "im.message.receive_v1": async (data) => {
        try {
          await handlers.onMessage(data);
        } catch (err) {
          console.error("handler failed", err);
        }
      },
    }),
  });

  const shutdown = async () => {
    await mongo.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
