import { PowerSyncDatabase, SyncStatus } from '@powersync/web';
import { AppSchema } from './AppSchema';
import { SupabaseConnector } from './SupabaseConnector';

// Module singletons: one local database and one connector per tab.
export const db = new PowerSyncDatabase({
  schema: AppSchema,
  database: { dbFilename: 'field-notes.sqlite' },
});

export const connector = new SupabaseConnector();

let opened: Promise<void> | null = null;

export function openDatabase(): Promise<void> {
  if (!opened) {
    opened = (async () => {
      await db.init();
      await db.connect(connector);
    })();
  }
  return opened;
}

export function onStatus(listener: (status: SyncStatus) => void): () => void {
  return db.registerListener({
    statusChanged: (status) => listener(status),
  });
}

export async function signOut(): Promise<void> {
  await connector.client.auth.signOut();
  await db.disconnectAndClear();
  opened = null;
}

export async function addNote(siteId: string, authorId: string, body: string, severity: number): Promise<void> {
  await db.execute(
    `insert into notes (id, site_id, author_id, body, severity, resolved, created_at)
     values (uuid(), ?, ?, ?, ?, 0, datetime())`,
    [siteId, authorId, body, severity],
  );
}

export async function resolveNote(noteId: string): Promise<void> {
  await db.execute('update notes set resolved = 1 where id = ?', [noteId]);
}
