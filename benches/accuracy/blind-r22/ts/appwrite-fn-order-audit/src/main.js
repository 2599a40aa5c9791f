import { Client, Databases, Query, Users } from 'node-appwrite';
import { history, recordChange } from './audit.js';

const DATABASE_ID = process.env.ORDERS_DATABASE_ID ?? 'shop';
const ORDERS_COLLECTION = process.env.ORDERS_COLLECTION_ID ?? 'orders';

// Appwrite invokes this once per execution (HTTP call or database event).
export default async ({ req, res, log, error }) => {
  // Dynamic API key is issued per execution and only valid for this one.
  const client = new Client()
    .setEndpoint(process.env.APPWRITE_FUNCTION_API_ENDPOINT)
    .setProject(process.env.APPWRITE_FUNCTION_PROJECT_ID)
    .setKey(req.headers['x-appwrite-key'] ?? '');

  const databases = new Databases(client);
  const trigger = req.headers['x-appwrite-trigger'];

  if (trigger === 'event') {
    const event = req.headers['x-appwrite-event'] ?? '';
    const order = req.bodyJson;
    if (!order?.$id) return res.json({ ok: false, reason: 'no document' }, 400);

    const previous = await databases
      .listDocuments(DATABASE_ID, 'order_snapshots', [Query.equal('orderId', order.$id), Query.limit(1)])
      .then((r) => r.documents[0] ?? null);

    await recordChange(order.$id, previous?.data ? JSON.parse(previous.data) : null, order, event);

    const snapshot = { orderId: order.$id, data: JSON.stringify(order) };
    if (previous) {
      await databases.updateDocument(DATABASE_ID, 'order_snapshots', previous.$id, snapshot);
    } else {
      await databases.createDocument(DATABASE_ID, 'order_snapshots', 'unique()', snapshot);
    }
    log(`audited ${event} for order ${order.$id}`);
    return res.json({ ok: true });
  }

  if (req.method === 'GET' && req.path.startsWith('/orders/')) {
    const orderId = req.path.split('/')[2];
    const userId = req.headers['x-appwrite-user-id'];
    if (!userId) return res.json({ error: 'unauthorized' }, 401);

    const users = new Users(client);
    const labels = (await users.get(userId)).labels ?? [];
    if (!labels.includes('support')) return res.json({ error: 'forbidden' }, 403);

    try {
      await databases.getDocument(DATABASE_ID, ORDERS_COLLECTION, orderId);
    } catch (e) {
      error(`order lookup failed: ${e.message}`);
      return res.json({ error: 'not found' }, 404);
    }
    return res.json({ orderId, changes: await history(orderId) });
  }

  return res.json({ error: 'not found' }, 404);
};
