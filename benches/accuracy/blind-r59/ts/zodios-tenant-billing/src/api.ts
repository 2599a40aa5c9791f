import { makeApi } from "@zodios/core";
import { z } from "zod";

export const invoice = z.object({
  id: z.string().uuid(),
  number: z.string(),
  customer: z.string(),
  amountCents: z.number().int(),
  currency: z.string().length(3),
  status: z.enum(["draft", "open", "paid", "void"]),
  dueDate: z.string(),
});

const problem = z.object({ error: z.string() });

export const billingApi = makeApi([
  {
    method: "get",
    path: "/tenants/:tenantId/invoices",
    alias: "listInvoices",
    parameters: [
      { name: "status", type: "Query", schema: z.enum(["draft", "open", "paid", "void"]).optional() },
      { name: "limit", type: "Query", schema: z.coerce.number().int().min(1).max(200).default(50) },
    ],
    response: z.array(invoice),
    errors: [{ status: 404, schema: problem }],
  },
  {
    method: "post",
    path: "/tenants/:tenantId/invoices/:invoiceId/payments",
    alias: "recordPayment",
    parameters: [
      {
        name: "body",
        type: "Body",
        schema: z.object({ amountCents: z.number().int().positive(), reference: z.string().min(3) }),
      },
    ],
    response: invoice,
    errors: [
      { status: 404, schema: problem },
      { status: 409, schema: problem },
    ],
  },
]);
