import Redis from "ioredis";
import { createRPCError } from "ocpp-rpc";
import { openMeterStore, pool } from "./db.js";

type Params = Record<string, any>;

export async function onBootNotification(identity: string, params: Params) {
  await pool.query(
    `INSERT INTO chargers (identity, vendor, model, firmware, last_boot)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (identity) DO UPDATE
       SET vendor = $2, model = $3, firmware = $4, last_boot = now()`,
    [identity, params.chargePointVendor, params.chargePointModel, params.firmwareVersion ?? null],
  );
  return { status: "Accepted", interval: 300, currentTime: new Date().toISOString() };
}

export async function onStatusNotification(identity: string, params: Params) {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
  await redis.hset(`charger:${identity}`, `connector:${params.connectorId}`, params.status);
  await redis.publish("charger-status", JSON.stringify({ identity, ...params }));
  await redis.quit();
  return {};
}

export async function onMeterValues(identity: string, params: Params) {
  const store = openMeterStore();
  for (const mv of params.meterValue ?? []) {
    for (const sample of mv.sampledValue ?? []) {
      await store.query(
        `INSERT INTO meter_samples (identity, connector_id, transaction_id, ts, measurand, value, unit)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          identity,
          params.connectorId,
          params.transactionId ?? null,
          mv.timestamp,
          sample.measurand ?? "Energy.Active.Import.Register",
          Number(sample.value),
          sample.unit ?? "Wh",
        ],
      );
    }
  }
  return {};
}

export async function onStartTransaction(identity: string, params: Params) {
  const client = await pool.connect();
  await client.query("BEGIN");
  const tag = await client.query("SELECT status FROM id_tags WHERE id_tag = $1", [params.idTag]);
  if (tag.rowCount === 0) {
    throw createRPCError("GenericError", "unknown idTag");
  }
  const tx = await client.query(
    `INSERT INTO transactions (identity, connector_id, id_tag, meter_start, started_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [identity, params.connectorId, params.idTag, params.meterStart, params.timestamp],
  );
  await client.query("COMMIT");
  client.release();
  return { transactionId: tx.rows[0].id, idTagInfo: { status: tag.rows[0].status } };
}

export async function onStopTransaction(identity: string, params: Params) {
  await pool.query(
    `UPDATE transactions SET meter_stop = $1, stopped_at = $2, reason = $3
     WHERE id = $4 AND identity = $5`,
    [params.meterStop, params.timestamp, params.reason ?? "Local", params.transactionId, identity],
  );
  return { idTagInfo: { status: "Accepted" } };
}
