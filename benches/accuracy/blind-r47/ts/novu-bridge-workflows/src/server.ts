import express from 'express'
import { serve } from '@novu/framework/express'
import { orderShipped } from './workflows/order-shipped.js'
import { weeklyDigest } from './workflows/weekly-digest.js'

const app = express()
app.use(express.json({ limit: '1mb' }))

// Novu Cloud calls this Bridge endpoint for every step execution and preview.
app.use('/api/novu', serve({ workflows: [orderShipped, weeklyDigest] }))

app.get('/healthz', (_req, res) => {
  res.json({ ok: true })
})

const port = Number(process.env.PORT ?? 4000)
app.listen(port, () => console.log(`novu bridge listening on :${port}`))
