export default defineEventHandler(async () => {
  return await recentAudit(100)
})
