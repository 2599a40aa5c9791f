import { Client, Databases, Query } from 'appwrite';

// Single Appwrite client for the whole SPA. Its realtime socket is shared by every
// component subscription and is closed by the SDK when the last subscription goes away.
export const client = new Client()
  .setEndpoint(import.meta.env.VITE_APPWRITE_ENDPOINT ?? 'https://cloud.appwrite.io/v1')
  .setProject(import.meta.env.VITE_APPWRITE_PROJECT ?? 'maintenance-board');

export const databases = new Databases(client);

export const DB_ID = 'plant';
export const TICKETS = 'tickets';

export async function openTickets() {
  const res = await databases.listDocuments(DB_ID, TICKETS, [
    Query.equal('status', ['open', 'in_progress']),
    Query.orderDesc('$updatedAt'),
    Query.limit(100),
  ]);
  return res.documents;
}

export function ticketsChannel() {
  return `databases.${DB_ID}.collections.${TICKETS}.documents`;
}

export function priorityRank(priority) {
  return { critical: 0, high: 1, normal: 2, low: 3 }[priority] ?? 4;
}

export function sortTickets(tickets) {
  return [...tickets].sort(
    (a, b) => priorityRank(a.priority) - priorityRank(b.priority) || b.$updatedAt.localeCompare(a.$updatedAt),
  );
}
