export interface SyslogEntry {
  facility: number;
  severity: number;
  host: string;
  app: string;
  message: string;
  receivedAt: Date;
}

// RFC 3164-ish: <PRI>MMM dd hh:mm:ss host app[pid]: message
const RE = /^<(\d{1,3})>\w{3}\s+\d{1,2} [\d:]{8} (\S+) ([^:[\s]+)(?:\[\d+\])?: (.*)$/s;

export function parse(line: string): SyslogEntry | null {
  const m = RE.exec(line);
  if (!m) return null;
  const pri = Number(m[1]);
  return { facility: pri >> 3, severity: pri & 7, host: m[2], app: m[3], message: m[4], receivedAt: new Date() };
}
