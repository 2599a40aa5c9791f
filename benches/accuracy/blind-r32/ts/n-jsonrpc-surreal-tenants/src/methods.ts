import { JSONRPCErrorException, type JSONRPCServer } from "json-rpc-2.0";
import { tenantDb } from "./tenants.js";
import { cached } from "./cache.js";

export type RpcContext = { tenant: string };

type Item = { id: string; sku: string; name: string; qty: number };

export function registerMethods(rpc: JSONRPCServer<RpcContext>): void {
  rpc.addMethod("inventory.list", async (params: { warehouse: string }, ctx) => {
    return cached(`inv:${ctx.tenant}:${params.warehouse}`, 30, async () => {
      const db = await tenantDb(ctx.tenant);
      const [items] = await db.query<[Item[]]>(
        "SELECT id, sku, name, qty FROM item WHERE warehouse = $wh ORDER BY sku",
        { wh: params.warehouse },
      );
      return items;
    });
  });

  rpc.addMethod("inventory.adjust", async (params: { sku: string; delta: number }, ctx) => {
    if (!Number.isInteger(params.delta)) {
      throw new JSONRPCErrorException("delta must be an integer", -32602);
    }
    const db = await tenantDb(ctx.tenant);
    const [updated] = await db.query<[Item[]]>(
      "UPDATE item SET qty += $delta WHERE sku = $sku RETURN AFTER",
      { sku: params.sku, delta: params.delta },
    );
    if (updated.length === 0) throw new JSONRPCErrorException(`no such sku ${params.sku}`, 404);
    return updated[0];
  });
}
