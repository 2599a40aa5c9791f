// Scanner is in USB HID keyboard mode: 8-byte boot reports, [modifier, 0, key1..key6].
const DIGITS = '1234567890';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ENTER = 0x28;

function keyToChar(code: number, shift: boolean): string {
  if (code >= 0x04 && code <= 0x1d) {
    const ch = LETTERS[code - 0x04];
    return shift ? ch.toUpperCase() : ch;
  }
  if (code >= 0x1e && code <= 0x27) return DIGITS[code - 0x1e];
  if (code === 0x2d) return shift ? '_' : '-';
  return '';
}

export function makeDecoder(onBarcode: (code: string) => void): (report: Buffer) => void {
  let buffer = '';
  let lastKey = 0;
  return (report) => {
    const shift = (report[0] & 0x22) !== 0;
    const key = report[2];
    if (key === lastKey) return; // key still held
    lastKey = key;
    if (key === 0) return;
    if (key === ENTER) {
      if (buffer) onBarcode(buffer);
      buffer = '';
      return;
    }
    buffer += keyToChar(key, shift);
  };
}
