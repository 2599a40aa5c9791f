import type { Handle } from '@sveltejs/kit';
import { and, eq, gt } from 'drizzle-orm';
import { db, schema } from '$lib/server/db';

export const handle: Handle = async ({ event, resolve }) => {
  const sid = event.cookies.get('sid');
  event.locals.user = null;

  if (sid) {
    const [row] = await db
      .select({ id: schema.users.id, email: schema.users.email, name: schema.users.name })
      .from(schema.sessions)
      .innerJoin(schema.users, eq(schema.sessions.userId, schema.users.id))
      .where(and(eq(schema.sessions.id, sid), gt(schema.sessions.expiresAt, new Date())))
      .limit(1);
    event.locals.user = row ?? null;
  }

  return resolve(event);
};
