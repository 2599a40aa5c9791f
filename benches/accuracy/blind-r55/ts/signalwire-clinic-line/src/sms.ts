import type { Messaging } from "@signalwire/realtime-api";
import type { RowDataPacket } from "mysql2/promise";
import { pool } from "./db";
import { normaliseMobile } from "./patients";

type Reply = { to: string; body: string };

/**
 * One invocation per inbound SMS. Patients answer the reminder text with
 * C (confirm), X (cancel) or R (call me back to reschedule).
 */
export async function handleSms(message: Messaging.Message): Promise<Reply | null> {
  const from = normaliseMobile(message.from);
  const answer = (message.body ?? "").trim().toUpperCase().charAt(0);

  const conn = await pool.getConnection();
  const [rows] = await conn.query<RowDataPacket[]>(
    `SELECT a.id, a.starts_at FROM appointments a
       JOIN patients p ON p.id = a.patient_id
      WHERE p.mobile = ? AND a.starts_at > NOW() AND a.status = 'booked'
      ORDER BY a.starts_at LIMIT 1`,
    [from]
  );
  if (rows.length === 0) {
    return { to: message.from, body: "We couldn't find an upcoming appointment for this number. Call us on 020 7946 0000." };
  }

  const status =
    answer === "C" ? "confirmed" : answer === "X" ? "cancelled" : answer === "R" ? "reschedule_requested" : null;
  if (!status) {
    conn.release();
    return { to: message.from, body: "Please reply C to confirm, X to cancel or R and we'll call you back." };
  }

  await conn.execute("UPDATE appointments SET status = ?, status_channel = 'sms' WHERE id = ?", [status, rows[0].id]);
  await conn.execute("INSERT INTO sms_log (appointment_id, direction, body) VALUES (?, 'in', ?)", [rows[0].id, message.body]);
  conn.release();

  const texts: Record<string, string> = {
    confirmed: "Thanks, see you soon!",
    cancelled: "Your appointment has been cancelled.",
    reschedule_requested: "No problem, reception will call you today.",
  };
  return { to: message.from, body: texts[status] };
}
