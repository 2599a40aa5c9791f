import mysql from "mysql2/promise";

export interface Patient extends mysql.RowDataPacket {
  id: number;
  first_name: string;
  mobile: string;
}

/**
 * Look the caller up by the 6-digit PIN printed on their appointment card.
 * Reads go to the reporting replica so the front desk isn't slowed down.
 */
export async function findPatientByPin(pin: string): Promise<Patient | null> {
  const replica = mysql.createPool({
    uri: process.env.PMS_REPLICA_URL ?? "mysql://phoneline@pms-replica.clinic.lan:3306/pms",
    connectionLimit: 2,
  });
  const [rows] = await replica.query<Patient[]>(
    "SELECT id, first_name, mobile FROM patients WHERE phone_pin = ? AND archived = 0",
    [pin]
  );
  return rows[0] ?? null;
}

export function normaliseMobile(raw: string): string {
  const digits = raw.replace(/[^\d+]/g, "");
  if (digits.startsWith("+")) return digits;
  if (digits.startsWith("0")) return `+44${digits.slice(1)}`;
  return `+${digits}`;
}
