import { contextBridge, ipcRenderer } from 'electron'

contextBridge.exposeInMainWorld('pg', {
  listProfiles: () => ipcRenderer.invoke('profiles:list'),
  tables: (profileId: string) => ipcRenderer.invoke('db:tables', profileId),
  query: (profileId: string, sql: string) => ipcRenderer.invoke('db:query', profileId, sql),
  disconnect: (profileId: string) => ipcRenderer.invoke('db:disconnect', profileId),
})
