import { supabase } from "~lib/supabase"

// One realtime subscription per service-worker lifetime; popups are told to refresh.
const channel = supabase
  .channel("notes-feed")
  .on(
    "postgres_changes",
    { event: "INSERT", schema: "public", table: "notes" },
    (payload) => {
      const url = (payload.new as { url?: string }).url
      if (!url) return
      chrome.runtime.sendMessage({ type: "notes-changed", url }).catch(() => {
        // No popup open: nothing to notify.
      })
    }
  )
  .subscribe()

chrome.runtime.onSuspend.addListener(() => {
  supabase.removeChannel(channel)
})

chrome.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === "install") {
    chrome.tabs.create({ url: "https://notes.northwind.tools/welcome" })
  }
})

export {}
