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

class CrmLookup_Tools implements INode {
  label: string;
  name: string;
  version: number;
  description: string;
  type: string;
  icon: string;
  category: string;
  baseClasses: string[];
  credential: INodeParams;
  inputs: INodeParams[];

  constructor() {
    this.label = "CRM Customer Lookup";
    this.name = "crmCustomerLookup";
    this.version = 1.0;
    this.type = "CrmCustomerLookup";
    this.icon = "crm.svg";
    this.category = "Tools";
    this.description = "Look up a customer profile and open tickets by email address";
    this.baseClasses = [this.type, ...getBaseClasses(DynamicStructuredTool)];
    this.credential = {
      label: "Connect Credential",
      name: "credential",
      type: "credential",
      credentialNames: ["crmPostgresApi"],
    };
    this.inputs = [
      {
        label: "Max Tickets",
        name: "maxTickets",
        type: "number",
        default: 5,
        additionalParams: true,
      },
    ];
  }

  async init(nodeData: INodeData, _: string, options: ICommonObject): Promise<any> {
    const credentialData = await getCredentialData(nodeData.credential ?? "", options);
    const connectionString = getCredentialParam("connectionString", credentialData, nodeData);
    const statementTimeout = Number(getCredentialParam("statementTimeout", credentialData, nodeData) ?? 5000);
    const maxTickets = Number(nodeData.inputs?.maxTickets ?? 5);

    const pool = new Pool({ connectionString, max: 2, statement_timeout: statementTimeout });

    return new DynamicStructuredTool({
      name: "crm_customer_lookup",
      description: "Returns the customer's plan, account status and most recent open tickets given their email",
      schema: z.object({ email: z.string().email().describe("customer email address") }),
      func: async ({ email }) => {
        const client = await pool.connect();
        const customer = await client.query(
          `SELECT id, name, plan, status, created_at FROM customers WHERE lower(email) = lower($1)`,
          [email],
        );
        if (customer.rowCount === 0) {
          return `No customer found for ${email}`;
        }
        const tickets = await client.query(
          `SELECT id, subject, priority, updated_at
             FROM tickets
            WHERE customer_id = $1 AND status <> 'closed'
            ORDER BY updated_at DESC
            LIMIT $2`,
          [customer.rows[0].id, maxTickets],
        );
        client.release();
        return JSON.stringify({ customer: customer.rows[0], openTickets: tickets.rows });
      },
    });
  }
}

module.exports = { nodeClass: CrmLookup_Tools };
