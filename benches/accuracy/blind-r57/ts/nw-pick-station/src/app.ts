/// <reference types="nw.js" />
import * as os from 'os';
import { connectWithRetry, makeRepo, Repo, Tote, PickLine } from './db';

const STATION = process.env.PICK_STATION_ID ?? os.hostname();
const LABEL_PRINTER = process.env.LABEL_PRINTER_URL ?? 'http://10.20.0.41:9100/print';

const win = nw.Window.get();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let current: { tote: Tote; lines: PickLine[]; picked: Map<number, number> } | null = null;

function setStatus(text: string): void {
  $('status').textContent = text;
}

function render(): void {
  const list = $<HTMLUListElement>('lines');
  list.innerHTML = '';
  if (!current) {
    $('order').textContent = '';
    $<HTMLButtonElement>('confirm').disabled = true;
    return;
  }
  $('order').textContent = `${current.tote.orderId} · ${current.tote.customer}`;
  for (const line of current.lines) {
    const li = document.createElement('li');
    const done = current.picked.get(line.lineId) ?? line.qtyPicked;
    li.textContent = `${line.location}  ${line.sku}  ${line.description}  ${done}/${line.qtyOrdered}`;
    li.className = done >= line.qtyOrdered ? 'done' : '';
    list.appendChild(li);
  }
  $<HTMLButtonElement>('confirm').disabled = false;
}

async function onScan(repo: Repo, code: string): Promise<void> {
  if (code.startsWith('T')) {
    const tote = await repo.toteByCode(code);
    if (!tote) return setStatus(`unknown tote ${code}`);
    current = { tote, lines: await repo.linesFor(tote.orderId), picked: new Map() };
    setStatus(`tote ${code} loaded`);
  } else if (current) {
    const line = current.lines.find((l) => l.sku === code);
    if (!line) return setStatus(`${code} is not on this order`);
    current.picked.set(line.lineId, (current.picked.get(line.lineId) ?? line.qtyPicked) + 1);
  }
  render();
}

async function onConfirm(repo: Repo): Promise<void> {
  if (!current) return;
  await repo.confirmPick(current.tote.orderId, STATION, current.picked);
  await fetch(LABEL_PRINTER, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ order: current.tote.orderId, customer: current.tote.customer }),
  });
  setStatus(`order ${current.tote.orderId} picked`);
  current = null;
  render();
}

function buildMenu(repo: Repo): void {
  const menubar = new nw.Menu({ type: 'menubar' });
  const station = new nw.Menu();
  station.append(new nw.MenuItem({ label: 'Clear tote', key: 'Escape', click: () => { current = null; render(); } }));
  station.append(
    new nw.MenuItem({
      label: 'Reload order',
      key: 'r',
      modifiers: 'ctrl',
      click: () => void (current && onScan(repo, current.tote.toteCode)),
    }),
  );
  station.append(new nw.MenuItem({ type: 'separator' }));
  station.append(new nw.MenuItem({ label: 'Dev tools', click: () => win.showDevTools() }));
  menubar.append(new nw.MenuItem({ label: 'Station', submenu: station }));
  win.menu = menubar;
}

async function bootstrap(): Promise<void> {
  $('station-name').textContent = STATION;
  setStatus('connecting to WMS database…');
  const pool = await connectWithRetry({ connectionString: process.env.WMS_DATABASE_URL });
  const repo = makeRepo(pool);
  setStatus('ready');

  const scan = $<HTMLInputElement>('scan');
  scan.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    const code = scan.value.trim();
    scan.value = '';
    if (code) onScan(repo, code).catch((err) => setStatus(`scan failed: ${err.message}`));
  });
  $('confirm').addEventListener('click', () => {
    onConfirm(repo).catch((err) => setStatus(`confirm failed: ${err.message}`));
  });
  buildMenu(repo);

  win.on('close', function (this: NWJS_Helpers.win) {
    this.hide();
    pool.end().finally(() => this.close(true));
  });
}

bootstrap().catch((err) => {
  setStatus(`cannot reach WMS database: ${err.message}`);
});
