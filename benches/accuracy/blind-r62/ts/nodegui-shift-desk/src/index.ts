import {
  FlexLayout,
  QLabel,
  QLineEdit,
  QMainWindow,
  QPushButton,
  QWidget,
} from '@nodegui/nodegui';
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { clockIn, clockOut } from './db';

const win = new QMainWindow();
win.setWindowTitle('Shift desk');
win.resize(420, 260);

const root = new QWidget();
root.setObjectName('root');
const layout = new FlexLayout();
root.setLayout(layout);

const badgeInput = new QLineEdit();
badgeInput.setPlaceholderText('Scan or type badge number');
const status = new QLabel();
status.setText('Ready');
const headCount = new QLabel();
headCount.setText('On floor: –');

const inBtn = new QPushButton();
inBtn.setText('Clock in');
const outBtn = new QPushButton();
outBtn.setText('Clock out');
const exportBtn = new QPushButton();
exportBtn.setText('Export today (CSV)');

for (const w of [badgeInput, inBtn, outBtn, exportBtn, status, headCount]) {
  layout.addWidget(w);
}

inBtn.addEventListener('clicked', async () => {
  const badge = badgeInput.text().trim();
  if (!badge) return;
  try {
    const name = await clockIn(badge);
    status.setText(`Welcome, ${name}`);
    badgeInput.clear();
  } catch (err) {
    status.setText(`Clock-in failed: ${(err as Error).message}`);
  }
});

outBtn.addEventListener('clicked', async () => {
  const badge = badgeInput.text().trim();
  if (!badge) return;
  const closed = await clockOut(badge);
  status.setText(closed ? 'See you tomorrow' : 'No open shift for that badge');
  badgeInput.clear();
});

exportBtn.addEventListener('clicked', async () => {
  // Reporting replica, so the export never blocks the clock-in pool.
  const replica = new Client({ connectionString: process.env.SHIFT_REPLICA_URL });
  await replica.connect();
  const { rows } = await replica.query(
    `SELECT s.badge, st.display_name, s.started_at, s.ended_at
       FROM shifts s JOIN staff st USING (badge)
      WHERE s.started_at::date = current_date
      ORDER BY s.started_at`,
  );
  const csv = ['badge,name,started,ended']
    .concat(rows.map((r) => `${r.badge},${r.display_name},${r.started_at.toISOString()},${r.ended_at?.toISOString() ?? ''}`))
    .join('\n');
  const file = join(homedir(), `shifts-${new Date().toISOString().slice(0, 10)}.csv`);
  await writeFile(file, csv);
  status.setText(`Exported ${rows.length} shifts to ${file}`);
});

// Head-count badge in the corner; the turnstile service keeps the set in Redis.
setInterval(async () => {
  const redis = new Redis(process.env.TURNSTILE_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const onFloor = await redis.scard('turnstile:inside');
  headCount.setText(`On floor: ${onFloor}`);
}, 30_000);

win.setCentralWidget(root);
win.show();

(global as any).win = win;
