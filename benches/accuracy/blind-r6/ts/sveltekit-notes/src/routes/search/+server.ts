import { error, json } from '@sveltejs/kit';
import { searchNotes } from '$lib/server/search';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  if (!locals.user) error(401, 'not signed in');
  const q = url.searchParams.get('q')?.trim();
  if (!q) return json([]);
  return json(await searchNotes(locals.user.id, q));
};
