import watcher, { type Event } from '@parcel/watcher'
import * as Sentry from '@sentry/node'
import { stat } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { extname, relative } from 'node:path'
import { catalog, type AssetDoc } from './catalog.js'
import { indexAsset, dropAsset } from './search.js'

const ROOT = process.env.ASSETS_ROOT ?? '/mnt/design-assets'

function docId(rel: string): string {
  return createHash('sha1').update(rel).digest('hex')
}

async function handleBatch(events: Event[]): Promise<void> {
  const files = await catalog()
  for (const ev of events) {
    const rel = relative(ROOT, ev.path)
    const id = docId(rel)
    try {
      if (ev.type === 'delete') {
        await files.remove(id).catch(() => undefined)
        await dropAsset(id)
        continue
      }
      const st = await stat(ev.path)
      if (!st.isFile()) continue
      const doc: AssetDoc = {
        path: rel,
        kind: extname(rel).slice(1).toLowerCase(),
        bytes: st.size,
        modifiedAt: st.mtime.toISOString(),
      }
      await files.upsert(id, doc)
      await indexAsset(id, rel, doc.kind)
    } catch (err) {
      Sentry.captureException(err, { extra: { path: ev.path, type: ev.type } })
    }
  }
}

async function main(): Promise<void> {
  const subscription = await watcher.subscribe(
    ROOT,
    (err, events) => {
      if (err) {
        Sentry.captureException(err)
        return
      }
      handleBatch(events).catch((e) => Sentry.captureException(e))
    },
    { ignore: ['**/.DS_Store', '**/*.tmp', '**/.~lock.*'] },
  )
  console.log('watching', ROOT)

  const stop = async (): Promise<void> => {
    await subscription.unsubscribe()
    await Sentry.close(2000)
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop())
  process.once('SIGINT', () => void stop())
}

void main()
