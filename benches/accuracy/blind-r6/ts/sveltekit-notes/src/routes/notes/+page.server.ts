import { error, fail, redirect } from '@sveltejs/kit';
import { and, desc, eq } from 'drizzle-orm';
import Redis from 'ioredis';
import { env } from '$env/dynamic/private';
import { db, schema } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  if (!locals.user) redirect(303, '/login');

  const notes = await db
    .select()
    .from(schema.notes)
    .where(eq(schema.notes.ownerId, locals.user.id))
    .orderBy(desc(schema.notes.createdAt));

  return { notes };
};

export const actions: Actions = {
  create: async ({ request, locals }) => {
    if (!locals.user) error(401, 'not signed in');
    const form = await request.formData();
    const title = String(form.get('title') ?? '').trim();
    if (!title) return fail(400, { title, missing: true });

    await db.insert(schema.notes).values({
      ownerId: locals.user.id,
      title,
      body: String(form.get('body') ?? '')
    });
    return { created: true };
  },

  publish: async ({ request, locals }) => {
    if (!locals.user) error(401, 'not signed in');
    const form = await request.formData();
    const id = Number(form.get('id'));

    const [note] = await db
      .update(schema.notes)
      .set({ published: true })
      .where(and(eq(schema.notes.id, id), eq(schema.notes.ownerId, locals.user.id)))
      .returning();
    if (!note) return fail(404, { id });

    // tell the live feed that a note went public
    const redis = new Redis(env.REDIS_URL);
    await redis.publish('notes:published', JSON.stringify({ id: note.id, title: note.title }));

    return { published: note.id };
  }
};
