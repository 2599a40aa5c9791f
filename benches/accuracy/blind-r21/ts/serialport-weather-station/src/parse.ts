export interface Sample {
  at: Date;
  tempC: number;
  humidity: number;
  pressureHpa: number;
  windMs: number;
  windDir: number;
  rainMm: number;
}

// Console emits: $WX,<temp*10>,<rh>,<pressure*10>,<wind*10>,<dir>,<rain*100>*<checksum>
export function parseLine(line: string, now = new Date()): Sample | null {
  const star = line.lastIndexOf("*");
  if (!line.startsWith("$WX,") || star < 0) return null;

  const body = line.slice(1, star);
  const expected = parseInt(line.slice(star + 1), 16);
  let sum = 0;
  for (const ch of body) sum ^= ch.charCodeAt(0);
  if (sum !== expected) return null;

  const f = body.split(",").slice(1).map(Number);
  if (f.length !== 6 || f.some(Number.isNaN)) return null;
  return {
    at: now,
    tempC: f[0] / 10,
    humidity: f[1],
    pressureHpa: f[2] / 10,
    windMs: f[3] / 10,
    windDir: f[4],
    rainMm: f[5] / 100,
  };
}
