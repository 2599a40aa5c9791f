import { app, BrowserWindow, ipcMain } from 'electron'
import { join } from 'node:path'
import { listProfiles } from './profiles'
import { disconnect, disconnectAll, poolFor } from './pools'

function createWindow() {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    webPreferences: { preload: join(__dirname, '..', 'preload', 'index.js'), contextIsolation: true },
  })
  win.loadFile(join(__dirname, '..', '..', 'renderer', 'index.html'))
}

ipcMain.handle('profiles:list', () => listProfiles().map(({ password, ...rest }) => rest))

ipcMain.handle('db:tables', async (_event, profileId: string) => {
  const { rows } = await poolFor(profileId).query(
    `select table_schema, table_name
       from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`,
  )
  return rows
})

ipcMain.handle('db:query', async (_event, profileId: string, sql: string) => {
  const client = await poolFor(profileId).connect()
  try {
    await client.query('SET statement_timeout = 30000')
    const started = performance.now()
    const result = await client.query({ text: sql, rowMode: 'array' })
    return {
      fields: result.fields.map((f) => f.name),
      rows: result.rows.slice(0, 5000),
      rowCount: result.rowCount,
      ms: Math.round(performance.now() - started),
    }
  } finally {
    client.release()
  }
})

ipcMain.handle('db:disconnect', (_event, profileId: string) => disconnect(profileId))

app.whenReady().then(() => {
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('before-quit', (event) => {
  event.preventDefault()
  disconnectAll().finally(() => app.exit(0))
})
