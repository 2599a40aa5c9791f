import { Pool } from "pg";
import { z } from "zod";
import { DynamicStructuredTool } from "@langchain/core/tools";
import {
  getBaseClasses,
  getCredentialData,
  getCredentialParam,
  ICommonObject,
  INode,
  INodeData,
  INodeParams,
} from "flowise-components";

// Flows are rebuilt for every prediction, so pools are kept per credential
// (one per CRM replica configured in Flowise) for the life of the server.
const poolsByCredential = new Map<string, Pool>();

function poolFor(credentialId: string, connectionString: string): Pool {
  let pool = poolsByCredential.get(credentialId);
  if (!pool) {
    pool = new Pool({ connectionString, max: 3, idleTimeoutMillis: 60_000 });
    pool.on("error", (err) => console.error(`[order-history] pool ${credentialId}`, err));
    poolsByCredential.set(credentialId, pool);
  }
  return pool;
}

class OrderHistory_Tools implements INode {
  label = "Order History";
  name = "orderHistory";
  version = 1.0;
  description = "Fetch a customer's recent orders, refunds and shipment status";
  type = "OrderHistory";
  icon = "orders.svg";
  category = "Tools";
  baseClasses = [this.type, ...getBaseClasses(DynamicStructuredTool)];
  credential: INodeParams = {
    label: "Connect Credential",
    name: "credential",
    type: "credential",
    credentialNames: ["crmPostgresApi"],
  };
  inputs: INodeParams[] = [
    { label: "Days Back", name: "daysBack", type: "number", default: 90, additionalParams: true },
  ];

  async init(nodeData: INodeData, _: string, options: ICommonObject): Promise<any> {
    const credentialId = nodeData.credential ?? "";
    const credentialData = await getCredentialData(credentialId, options);
    const connectionString = getCredentialParam("connectionString", credentialData, nodeData);
    const daysBack = Number(nodeData.inputs?.daysBack ?? 90);
    const pool = poolFor(credentialId, connectionString);

    return new DynamicStructuredTool({
      name: "order_history",
      description: "Lists the customer's orders from the last N days with payment and shipping status",
      schema: z.object({ customerId: z.string().describe("CRM customer id") }),
      func: async ({ customerId }) => {
        const { rows } = await pool.query(
          `SELECT o.number, o.total_cents, o.currency, o.status, s.carrier, s.tracking_code
             FROM orders o
             LEFT JOIN shipments s ON s.order_id = o.id
            WHERE o.customer_id = $1 AND o.created_at > now() - make_interval(days => $2)
            ORDER BY o.created_at DESC`,
          [customerId, daysBack],
        );
        return rows.length ? JSON.stringify(rows) : "No orders in that period";
      },
    });
  }
}

module.exports = { nodeClass: OrderHistory_Tools };
