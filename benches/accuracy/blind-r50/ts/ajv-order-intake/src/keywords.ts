import Ajv from "ajv";
import addFormats from "ajv-formats";
import Redis from "ioredis";
import pg from "pg";

export const ajv = new Ajv({ allErrors: true });
addFormats(ajv);

// A customer may only have one open order per email address.
ajv.addKeyword({
  keyword: "noOpenOrder",
  async: true,
  type: "string",
  validate: async (_schema: boolean, email: string) => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    try {
      const { rowCount } = await pool.query(
        "SELECT 1 FROM orders WHERE customer_email = $1 AND status = 'open'",
        [email],
      );
      return rowCount === 0;
    } finally {
      await pool.end();
    }
  },
});

// SKUs that are currently sellable are kept in a Redis set by the catalogue service.
ajv.addKeyword({
  keyword: "sellableSku",
  async: true,
  type: "string",
  validate: async (_schema: boolean, sku: string) => {
    const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
    return (await redis.sismember("catalogue:sellable", sku)) === 1;
  },
});

export const validateOrder = ajv.compile({
  $async: true,
  type: "object",
  required: ["email", "sku", "quantity"],
  additionalProperties: false,
  properties: {
    email: { type: "string", format: "email", noOpenOrder: true },
    sku: { type: "string", pattern: "^[A-Z0-9-]{4,20}$", sellableSku: true },
    quantity: { type: "integer", minimum: 1, maximum: 50 },
  },
});
