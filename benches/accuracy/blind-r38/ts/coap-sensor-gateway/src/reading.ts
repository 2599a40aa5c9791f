export type Reading = { metric: string; value: number; ts: number };

// Devices send a tiny fixed layout: 1 byte metric id, float32 value, uint32 unix seconds.
const METRICS = ['temperature', 'humidity', 'co2', 'battery'];

export function decodeReading(buf: Uint8Array): Reading {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  return {
    metric: METRICS[view.getUint8(0)] ?? 'unknown',
    value: view.getFloat32(1, false),
    ts: view.getUint32(5, false),
  };
}
