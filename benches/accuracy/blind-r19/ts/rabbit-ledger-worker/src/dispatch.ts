import { ConsumerStatus, type AsyncMessage } from "rabbitmq-client";
import { postSettlement, postRefund } from "./handlers/ledger.js";
import { recordConversion } from "./handlers/fx.js";

type Handler = (body: any) => Promise<void>;

const routes: Record<string, Handler> = {
  "payment.settled": postSettlement,
  "payment.refunded": postRefund,
  "fx.converted": recordConversion,
};

export async function dispatch(msg: AsyncMessage): Promise<ConsumerStatus> {
  const handler = routes[msg.routingKey];
  if (!handler) {
    console.warn(`[dispatch] no route for ${msg.routingKey}, dropping`);
    return ConsumerStatus.DROP;
  }
  await handler(msg.body);
  return ConsumerStatus.ACK;
}
