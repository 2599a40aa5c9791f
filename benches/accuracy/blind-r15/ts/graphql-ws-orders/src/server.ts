import { GraphQLError } from "graphql";
import { RedisPubSub } from "graphql-redis-subscriptions";
import { useServer } from "graphql-ws/lib/use/ws";
import { jwtVerify } from "jose";
import { WebSocketServer } from "ws";
import { connectPostgres, makeRedisPair } from "./clients.js";
import { schema, type Ctx } from "./schema.js";

const secret = new TextEncoder().encode(process.env.JWT_SECRET);

async function main() {
  const pool = await connectPostgres();
  const { publisher, subscriber } = makeRedisPair();
  const pubsub = new RedisPubSub({ publisher, subscriber });

  const wss = new WebSocketServer({ port: Number(process.env.PORT ?? 4000), path: "/graphql" });

  const disposable = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.authToken;
        if (typeof token !== "string") return false;
        try {
          const { payload } = await jwtVerify(token, secret);
          (ctx.extra as { userId?: string }).userId = String(payload.sub);
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx): Ctx => ({
        pool,
        redis: publisher,
        pubsub,
        userId: (ctx.extra as { userId: string }).userId,
      }),
      onSubscribe: async (ctx, msg) => {
        const userId = (ctx.extra as { userId: string }).userId;
        const n = await publisher.incr(`gql:ops:${userId}`);
        if (n === 1) await publisher.expire(`gql:ops:${userId}`, 60);
        if (n > 120) {
          return [new GraphQLError("rate limited")];
        }
        console.debug(`op ${msg.id} from ${userId}`);
      },
      onNext: (_ctx, msg, _args, result) => {
        if (result.errors?.length) console.warn(`op ${msg.id} errors`, result.errors);
      },
      onDisconnect: (ctx, code) => {
        console.debug(`disconnected ${(ctx.extra as { userId?: string }).userId ?? "anon"} (${code})`);
      },
    },
    wss,
  );

  const shutdown = async () => {
    await disposable.dispose();
    wss.close();
    await pubsub.close();
    await pool.end();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
