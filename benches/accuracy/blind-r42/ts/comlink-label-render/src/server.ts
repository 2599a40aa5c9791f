import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import * as Comlink from 'comlink'
import nodeEndpoint from 'comlink/dist/umd/node-adapter'
import type { LabelApi } from './worker'

const THREADS = Number(process.env.RENDER_THREADS ?? Math.max(1, os.availableParallelism() - 1))

// Fixed set of threads, started once at boot; requests are spread over them round-robin.
const workers = Array.from({ length: THREADS }, () => {
  const worker = new Worker(path.join(__dirname, 'worker.js'))
  return { worker, api: Comlink.wrap<LabelApi>(nodeEndpoint(worker)) }
})
let next = 0
const pick = () => workers[next++ % workers.length]

const server = http.createServer(async (req, res) => {
  const match = /^\/labels\/([\w-]+)\.png$/.exec(req.url ?? '')
  if (req.method !== 'GET' || !match) {
    res.writeHead(404).end()
    return
  }
  try {
    const png = await pick().api.renderLabel(match[1])
    if (!png) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'private, max-age=60' })
    res.end(Buffer.from(png))
  } catch (err) {
    console.error('render failed', err)
    res.writeHead(500).end()
  }
})

server.listen(Number(process.env.PORT ?? 8080), () => {
  console.log(`label renderer on :${process.env.PORT ?? 8080} with ${THREADS} threads`)
})

process.on('SIGTERM', () => {
  server.close(async () => {
    for (const { worker, api } of workers) {
      await api.close()
      api[Comlink.releaseProxy]()
      await worker.terminate()
    }
    process.exit(0)
  })
})
