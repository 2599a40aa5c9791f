export default defineEventHandler(async (event) => {
  const { q } = getQuery(event)
  let query = db.selectFrom('users').select(['id', 'email', 'display_name', 'last_seen_at']).orderBy('id')
  if (typeof q === 'string' && q.length > 0) {
    query = query.where('email', 'ilike', `%${q}%`)
  }
  return await query.limit(100).execute()
})
