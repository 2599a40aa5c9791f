declare module "@jambonz/node-client-ws" {
  import type { Server } from "node:http";
  export function createEndpoint(opts: { server: Server; logger?: unknown }): (
    opts: { path: string },
  ) => import("node:events").EventEmitter;
}
