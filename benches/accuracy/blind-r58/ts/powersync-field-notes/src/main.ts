import type { NoteRecord } from './powersync/AppSchema';
import { addNote, connector, db, onStatus, openDatabase, resolveNote } from './powersync/db';

const list = document.querySelector<HTMLUListElement>('#notes')!;
const form = document.querySelector<HTMLFormElement>('#new-note')!;
const statusEl = document.querySelector<HTMLSpanElement>('#sync-status')!;
const siteId = new URLSearchParams(location.search).get('site') ?? '';

function render(notes: NoteRecord[]): void {
  list.replaceChildren(
    ...notes.map((n) => {
      const li = document.createElement('li');
      li.className = `note severity-${n.severity}${n.resolved ? ' resolved' : ''}`;
      li.textContent = n.body ?? '';
      li.dataset.id = n.id;
      return li;
    }),
  );
}

async function watchNotes(signal: AbortSignal): Promise<void> {
  // Re-emits whenever a local write or a synced change touches `notes`.
  for await (const result of db.watch(
    'select * from notes where site_id = ? order by resolved, severity desc, created_at desc',
    [siteId],
    { signal },
  )) {
    render((result.rows?._array ?? []) as NoteRecord[]);
  }
}

async function main(): Promise<void> {
  await openDatabase();
  const { data } = await connector.client.auth.getUser();
  const userId = data.user?.id ?? 'anonymous';

  const abort = new AbortController();
  const stopStatus = onStatus((s) => {
    statusEl.textContent = s.connected ? (s.dataFlowStatus.uploading ? 'uploading…' : 'synced') : 'offline';
  });
  void watchNotes(abort.signal);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    await addNote(siteId, userId, String(fd.get('body')), Number(fd.get('severity') ?? 1));
    form.reset();
  });

  list.addEventListener('dblclick', async (e) => {
    const id = (e.target as HTMLElement).closest('li')?.dataset.id;
    if (id) await resolveNote(id);
  });

  window.addEventListener('pagehide', () => {
    abort.abort();
    stopStatus();
  });
}

void main();
