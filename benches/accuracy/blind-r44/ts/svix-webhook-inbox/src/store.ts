import { DocumentStore } from "ravendb";

export interface InboxEvent {
  id?: string;
  tenantId: string;
  svixId: string;
  eventType: string;
  payload: unknown;
  receivedAt: string;
  relayed: boolean;
}

export const store = new DocumentStore(
  (process.env.RAVEN_URLS ?? "http://localhost:8080").split(","),
  process.env.RAVEN_DEFAULT_DB ?? "inbox",
);
store.conventions.findCollectionNameForObjectLiteral = () => "InboxEvents";
store.initialize();

export async function saveEvent(database: string, event: InboxEvent): Promise<boolean> {
  const session = store.openSession({ database });
  const id = `InboxEvents/${event.tenantId}/${event.svixId}`;
  const existing = await session.load<InboxEvent>(id);
  if (existing) return false;
  await session.store(event, id);
  await session.saveChanges();
  return true;
}

export async function markRelayed(database: string, tenantId: string, svixId: string): Promise<void> {
  const session = store.openSession({ database });
  const doc = await session.load<InboxEvent>(`InboxEvents/${tenantId}/${svixId}`);
  if (!doc) return;
  doc.relayed = true;
  await session.saveChanges();
}
