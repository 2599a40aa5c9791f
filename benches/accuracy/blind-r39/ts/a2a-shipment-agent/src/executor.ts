import { v4 as uuidv4 } from "uuid";
import pg from "pg";
import type { Message, TaskStatusUpdateEvent } from "@a2a-js/sdk";
import type { AgentExecutor, ExecutionEventBus, RequestContext } from "@a2a-js/sdk/server";

import { carrierClient, track } from "./carrier.js";

const ORDER_RE = /order\s*#?\s*(\d{6,})/i;

export class ShipmentAgentExecutor implements AgentExecutor {
  private cancelled = new Set<string>();

  async execute(requestContext: RequestContext, eventBus: ExecutionEventBus): Promise<void> {
    const { taskId, contextId, userMessage } = requestContext;
    const text = userMessage.parts
      .map((p) => (p.kind === "text" ? p.text : ""))
      .join(" ");

    const reply = (msg: string, final = true) => {
      const message: Message = {
        kind: "message",
        role: "agent",
        messageId: uuidv4(),
        parts: [{ kind: "text", text: msg }],
        taskId,
        contextId,
      };
      const update: TaskStatusUpdateEvent = {
        kind: "status-update",
        taskId,
        contextId,
        status: { state: final ? "completed" : "working", message, timestamp: new Date().toISOString() },
        final,
      };
      eventBus.publish(update);
    };

    const orderNo = text.match(ORDER_RE)?.[1];
    if (!orderNo) {
      reply("Please include an order number, e.g. 'order #1234567'.");
      eventBus.finished();
      return;
    }

    reply(`Looking up order ${orderNo}...`, false);

    const orders = new pg.Client({ connectionString: process.env.ORDERS_DATABASE_URL });
    await orders.connect();
    let trackingNo: string | undefined;
    try {
      const { rows } = await orders.query<{ tracking_no: string }>(
        "SELECT tracking_no FROM shipments WHERE order_no = $1 ORDER BY created_at DESC LIMIT 1",
        [orderNo],
      );
      trackingNo = rows[0]?.tracking_no;
    } finally {
      await orders.end();
    }

    if (!trackingNo || this.cancelled.has(taskId)) {
      reply(trackingNo ? "Cancelled." : `Order ${orderNo} has not shipped yet.`);
      eventBus.finished();
      return;
    }

    const carrier = carrierClient();
    const info = await track(carrier, trackingNo);
    reply(
      info.status === "delivered"
        ? `Order ${orderNo} was delivered (${info.lastScan ?? "no scan details"}).`
        : `Order ${orderNo} is ${info.status.replace(/_/g, " ")}; ETA ${info.eta ?? "unknown"}.`,
    );
    eventBus.finished();
  }

  cancelTask = async (taskId: string, eventBus: ExecutionEventBus): Promise<void> => {
    this.cancelled.add(taskId);
    eventBus.finished();
  };
}
