// DPT 9.xxx: 2-byte KNX float (MEEEEMMM MMMMMMMM)
export function decodeDpt9(buf: Buffer): number {
  const raw = buf.readUInt16BE(0);
  const sign = raw & 0x8000 ? -1 : 1;
  const exponent = (raw >> 11) & 0x0f;
  let mantissa = raw & 0x07ff;
  if (sign < 0) mantissa = mantissa - 2048;
  return 0.01 * mantissa * 2 ** exponent;
}

export function decodeSwitch(buf: Buffer): boolean {
  return (buf[0] & 0x01) === 1;
}
