import mysql from "mysql2/promise";

// Practice management system database (primary). One pool for the process.
export const pool = mysql.createPool({
  uri: process.env.PMS_DATABASE_URL ?? "mysql://phoneline@pms-db.clinic.lan:3306/pms",
  connectionLimit: 6,
  waitForConnections: true,
  timezone: "Z",
});

export interface Appointment extends mysql.RowDataPacket {
  id: number;
  patient_id: number;
  starts_at: Date;
  dentist: string;
  status: "booked" | "confirmed" | "cancelled" | "reschedule_requested";
}

export function spokenTime(d: Date): string {
  return d.toLocaleString("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
}

export async function logCallOutcome(callId: string, patientId: number | null, outcome: string): Promise<void> {
  await pool.execute(
    "INSERT INTO phone_log (call_id, patient_id, outcome, logged_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
    [callId, patientId, outcome]
  );
}
