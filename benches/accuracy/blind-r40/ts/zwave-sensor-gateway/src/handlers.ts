import type { ZWaveNode, ZWaveNodeValueUpdatedArgs } from "zwave-js";
import { pool } from "./db.js";
import { breached } from "./thresholds.js";
import { sendAlert } from "./alerts.js";

export async function onValueUpdated(node: ZWaveNode, args: ZWaveNodeValueUpdatedArgs): Promise<void> {
  if (typeof args.newValue !== "number") return;
  const propertyName = args.propertyName ?? String(args.property);

  const conn = await pool.getConnection();
  await conn.beginTransaction();
  await conn.query(
    "INSERT INTO readings (node_id, endpoint, command_class, property, value, read_at) VALUES (?, ?, ?, ?, ?, NOW())",
    [node.id, args.endpoint ?? 0, args.commandClassName, propertyName, args.newValue],
  );

  const hit = breached(propertyName, args.newValue);
  if (hit) {
    await conn.query("INSERT INTO excursions (node_id, property, value) VALUES (?, ?, ?)", [node.id, propertyName, args.newValue]);
    await conn.commit();
    await sendAlert({ nodeId: node.id, nodeName: node.name ?? `node ${node.id}`, property: propertyName, value: args.newValue });
    return;
  }

  await conn.commit();
  conn.release();
}

export async function onNodeDead(node: ZWaveNode): Promise<void> {
  try {
    await pool.query("UPDATE devices SET status = 'dead', status_changed_at = NOW() WHERE node_id = ?", [node.id]);
  } catch (err) {
    console.error(`could not mark node ${node.id} dead`, err);
  }
}
