import { Pool } from 'undici';
import { pool } from '../db';

interface TrackingEvent {
  timestamp: string;
  location: string;
  description: string;
}

export async function trackParcel(orderNumber: string): Promise<string> {
  const { rows } = await pool.query<{ tracking_number: string | null }>(
    'SELECT tracking_number FROM shipments WHERE order_number = $1 ORDER BY created_at DESC LIMIT 1',
    [orderNumber],
  );
  const trackingNumber = rows[0]?.tracking_number;
  if (!trackingNumber) return `No shipment yet for ${orderNumber}.`;

  const carrier = new Pool(process.env.CARRIER_API_ORIGIN ?? 'https://api.parcelhub.example', { connections: 4 });
  try {
    const res = await carrier.request({
      method: 'GET',
      path: `/v2/tracking/${encodeURIComponent(trackingNumber)}`,
      headers: { authorization: `Bearer ${process.env.CARRIER_API_TOKEN}` },
    });
    if (res.statusCode !== 200) return `Carrier lookup failed (${res.statusCode}).`;
    const events = (await res.body.json()) as TrackingEvent[];
    const last = events.at(-1);
    return last ? `${trackingNumber}: ${last.description} — ${last.location} (${last.timestamp})` : `${trackingNumber}: no scans yet.`;
  } finally {
    await carrier.close();
  }
}
