import { Server, type ServerOptions } from "@open-rpc/server-js";
import type { HTTPServerTransportOptions } from "@open-rpc/server-js/build/transports/http";
import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import { parseOpenRPCDocument } from "@open-rpc/schema-utils-js";
import { Pool as HttpPool } from "undici";
import { createPool } from "./db";
import { makeMethods } from "./methods";
import doc from "./openrpc.json";

async function start(): Promise<void> {
  const db = createPool();
  const pricing = new HttpPool(process.env.PRICING_URL ?? "http://pricing.internal:8080", {
    connections: 16,
  });

  const options: ServerOptions = {
    openrpcDocument: await parseOpenRPCDocument(doc as OpenrpcDocument),
    methodMapping: makeMethods({ db, pricing }),
    transportConfigs: [
      {
        type: "HTTPTransport",
        options: {
          port: Number(process.env.PORT ?? 3330),
          middleware: [],
        } as HTTPServerTransportOptions,
      },
    ],
  };

  const server = new Server(options);
  server.start();
  console.log("inventory JSON-RPC listening on", process.env.PORT ?? 3330);

  const stop = async () => {
    await Promise.allSettled([db.end(), pricing.close()]);
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

start().catch((err) => {
  console.error(err);
  process.exit(1);
});
