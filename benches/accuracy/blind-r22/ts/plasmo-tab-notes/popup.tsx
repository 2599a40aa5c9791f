import { sendToBackground } from "@plasmohq/messaging"
import { useEffect, useState } from "react"

import type { Note } from "~lib/supabase"

function timeAgo(iso: string) {
  const mins = Math.round((Date.now() - new Date(iso).getTime()) / 60000)
  if (mins < 1) return "just now"
  if (mins < 60) return `${mins}m ago`
  return `${Math.round(mins / 60)}h ago`
}

function IndexPopup() {
  const [url, setUrl] = useState<string>("")
  const [notes, setNotes] = useState<Note[]>([])
  const [draft, setDraft] = useState("")
  const [, setTick] = useState(0)

  async function refresh(forUrl: string) {
    if (!forUrl) return
    const res = await sendToBackground({ name: "list-notes", body: { url: forUrl } })
    setNotes(res.notes ?? [])
  }

  // Track the active tab while the popup is open.
  useEffect(() => {
    const onActivated = async (info: chrome.tabs.TabActiveInfo) => {
      const tab = await chrome.tabs.get(info.tabId)
      setUrl(tab.url ?? "")
    }
    chrome.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setUrl(tab?.url ?? ""))
    chrome.tabs.onActivated.addListener(onActivated)
    return () => chrome.tabs.onActivated.removeListener(onActivated)
  }, [])

  useEffect(() => {
    refresh(url)
  }, [url])

  // Background pushes "notes-changed" when another device saves a note.
  useEffect(() => {
    chrome.runtime.onMessage.addListener((message) => {
      if (message?.type === "notes-changed" && message.url === url) {
        refresh(url)
      }
    })
  }, [url])

  // Keep the relative timestamps fresh.
  useEffect(() => {
    setInterval(() => setTick((t) => t + 1), 30_000)
  }, [])

  async function save() {
    const res = await sendToBackground({ name: "save-note", body: { url, body: draft } })
    if (res.note) {
      setNotes((prev) => [res.note, ...prev])
      setDraft("")
    }
  }

  return (
    <div style={{ width: 340, padding: 12, fontFamily: "system-ui" }}>
      <h3 style={{ margin: "0 0 8px" }}>Notes for this page</h3>
      <textarea
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        rows={3}
        style={{ width: "100%" }}
        placeholder="Leave a note for your team"
      />
      <button onClick={save} disabled={!draft.trim()}>
        Save
      </button>
      <ul style={{ listStyle: "none", padding: 0 }}>
        {notes.map((n) => (
          <li key={n.id} style={{ borderBottom: "1px solid #eee", padding: "6px 0" }}>
            <strong>{n.author}</strong> <small>{timeAgo(n.created_at)}</small>
            <div>{n.body}</div>
          </li>
        ))}
      </ul>
    </div>
  )
}

export default IndexPopup
