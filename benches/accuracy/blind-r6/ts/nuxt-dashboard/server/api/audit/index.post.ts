export default defineEventHandler(async (event) => {
  const body = await readBody<{ actorId: number; action: string; payload?: unknown }>(event)
  if (!body?.actorId || !body.action) {
    throw createError({ statusCode: 400, statusMessage: 'actorId and action are required' })
  }
  await writeAudit(body.actorId, body.action, body.payload ?? {})
  setResponseStatus(event, 201)
  return { ok: true }
})
