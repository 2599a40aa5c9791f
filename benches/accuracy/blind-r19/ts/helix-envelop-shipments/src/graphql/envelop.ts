import { envelop, useEngine, useExtendContext, useSchema } from "@envelop/core";
import { parse, validate, execute, subscribe, specifiedRules, GraphQLError } from "graphql";
import type { IncomingMessage } from "node:http";
import { aql } from "arangojs";
import { schema } from "./schema.js";
import { createLoaders } from "./loaders.js";
import { systemDb, tenantDb } from "../lib/arango.js";

async function resolveTenant(req: IncomingMessage): Promise<string> {
  const apiKey = req.headers["x-api-key"];
  if (typeof apiKey !== "string") throw new GraphQLError("missing x-api-key");
  const cursor = await systemDb.query<string>(aql`
    FOR k IN api_keys FILTER k.key == ${apiKey} AND k.revoked != true LIMIT 1 RETURN k.tenantId
  `);
  const tenantId = await cursor.next();
  if (!tenantId) throw new GraphQLError("invalid api key");
  return tenantId;
}

export const getEnveloped = envelop({
  plugins: [
    useEngine({ parse, validate, execute, subscribe, specifiedRules }),
    useSchema(schema),
    useExtendContext(async ({ req }: { req: IncomingMessage }) => {
      const tenantId = await resolveTenant(req);
      const db = tenantDb(tenantId);
      return { tenantId, db, loaders: createLoaders(db) };
    }),
  ],
});
