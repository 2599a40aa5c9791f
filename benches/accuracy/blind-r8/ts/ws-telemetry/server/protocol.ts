export type DeviceMessage =
  | { type: 'reading'; deviceId: string; metric: string; value: number; ts: number }
  | { type: 'snapshot'; deviceId: string; payloadBase64: string; ts: number }
  | { type: 'ping' };

export function parseMessage(raw: Buffer | ArrayBuffer | Buffer[]): DeviceMessage | null {
  const text = Array.isArray(raw) ? Buffer.concat(raw).toString('utf8') : Buffer.from(raw as ArrayBuffer).toString('utf8');
  try {
    const msg = JSON.parse(text);
    if (msg && typeof msg.type === 'string') return msg as DeviceMessage;
  } catch {
    /* ignore malformed frames */
  }
  return null;
}
