import { z } from "zod";
import type { FastMCP } from "fastmcp";
import { carrierPool, carrierHeaders } from "@lib/carrier";

export function registerShippingTools(server: FastMCP): void {
  server.addTool({
    name: "quote_shipment",
    description: "Get a shipping quote from the carrier for a parcel",
    parameters: z.object({
      toPostcode: z.string(),
      weightGrams: z.number().int().positive(),
      service: z.enum(["standard", "express"]).default("standard"),
    }),
    execute: async (args) => {
      const carrier = carrierPool();
      const { statusCode, body } = await carrier.request({
        method: "POST",
        path: "/v2/quotes",
        headers: carrierHeaders(),
        body: JSON.stringify(args),
      });
      if (statusCode >= 400) {
        throw new Error(`carrier returned ${statusCode}: ${await body.text()}`);
      }
      const quote = (await body.json()) as { priceCents: number; etaDays: number };
      return `£${(quote.priceCents / 100).toFixed(2)}, ${quote.etaDays} day(s)`;
    },
  });
}
