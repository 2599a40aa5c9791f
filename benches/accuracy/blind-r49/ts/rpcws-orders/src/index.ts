import { Server } from "rpc-websockets";
import { attachInvoice, createOrder } from "./methods";

const server = new Server({
  port: Number(process.env.RPC_PORT ?? 8090),
  host: "0.0.0.0",
});

server.register("orders.create", (params) => createOrder(params as any)).protected();
server.register("orders.attachInvoice", (params) => attachInvoice(params as any)).protected();

server.setAuth(async (params: any) => params?.token === process.env.RPC_TOKEN);

server.event("orders.created");

server.on("listening", () => console.log("rpc-websockets listening"));
server.on("error", (err) => console.error("rpc error", err));
