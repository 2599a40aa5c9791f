import { contextBridge, ipcRenderer, IpcRendererEvent } from "electron";

contextBridge.exposeInMainWorld("docindex", {
  onIndexed: (cb: (msg: unknown) => void) => {
    const listener = (_e: IpcRendererEvent, msg: unknown) => cb(msg);
    ipcRenderer.on("docindex:indexed", listener);
    return () => ipcRenderer.removeListener("docindex:indexed", listener);
  },
  onRecent: (cb: (rows: unknown[]) => void) => {
    const listener = (_e: IpcRendererEvent, rows: unknown[]) => cb(rows);
    ipcRenderer.on("docindex:recent", listener);
    return () => ipcRenderer.removeListener("docindex:recent", listener);
  },
});
