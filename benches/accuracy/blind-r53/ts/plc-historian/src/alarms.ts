import { Pool } from 'pg';

interface AlarmRule {
  tag: string;
  high?: number;
  low?: number;
  severity: 'warning' | 'critical';
}

const RULES: AlarmRule[] = [
  { tag: 'Line1_OvenTemp', high: 245, low: 180, severity: 'critical' },
  { tag: 'Line1_BeltSpeed', low: 0.4, severity: 'warning' },
  { tag: 'Line2_OvenTemp', high: 245, low: 180, severity: 'critical' },
  { tag: 'Line2_Pressure', high: 7.5, severity: 'warning' },
];

const alarmPool = new Pool({
  connectionString: process.env.HISTORIAN_DATABASE_URL,
  max: 4,
  application_name: 'plc-historian-alarms',
});

const active = new Map<string, boolean>();

function breached(rule: AlarmRule, value: number): boolean {
  return (rule.high !== undefined && value > rule.high) || (rule.low !== undefined && value < rule.low);
}

/** Called for every Changed event of every subscribed tag. */
export async function evaluate(tag: string, value: number): Promise<void> {
  const rule = RULES.find((r) => r.tag === tag);
  if (!rule) return;

  const isBreached = breached(rule, value);
  if (isBreached === (active.get(tag) ?? false)) return;
  active.set(tag, isBreached);

  const client = await alarmPool.connect();
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO alarm_events (tag, severity, state, value, ts) VALUES ($1, $2, $3, $4, now())`,
    [tag, rule.severity, isBreached ? 'raised' : 'cleared', value],
  );
  await client.query(
    `INSERT INTO alarm_state (tag, raised, since) VALUES ($1, $2, now())
     ON CONFLICT (tag) DO UPDATE SET raised = EXCLUDED.raised, since = EXCLUDED.since`,
    [tag, isBreached],
  );
  await client.query('COMMIT');
  client.release();
}

export async function closeAlarms(): Promise<void> {
  await alarmPool.end();
}
