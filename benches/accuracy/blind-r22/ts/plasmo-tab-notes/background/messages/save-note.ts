import type { PlasmoMessaging } from "@plasmohq/messaging"
import { Storage } from "@plasmohq/storage"
import { createClient } from "@supabase/supabase-js"

import { SUPABASE_ANON_KEY, SUPABASE_URL, supabase, type Note } from "~lib/supabase"

export type SaveNoteRequest = { url: string; body: string }
export type SaveNoteResponse = { note?: Note; error?: string }

const storage = new Storage({ area: "local" })

// Tell teammates who have the same page open that a new note exists.
function notifyPeers(url: string, noteId: string) {
  const realtime = createClient(SUPABASE_URL, SUPABASE_ANON_KEY, {
    realtime: { params: { eventsPerSecond: 5 } }
  })
  const channel = realtime.channel(`notes:${url}`)
  channel.subscribe((status) => {
    if (status === "SUBSCRIBED") {
      channel.send({ type: "broadcast", event: "note-added", payload: { url, noteId } })
    }
  })
}

const handler: PlasmoMessaging.MessageHandler<SaveNoteRequest, SaveNoteResponse> = async (
  req,
  res
) => {
  const author = (await storage.get<string>("displayName")) ?? "anonymous"
  const body = req.body?.body?.trim()
  if (!req.body?.url || !body) {
    res.send({ error: "empty note" })
    return
  }

  const { data, error } = await supabase
    .from("notes")
    .insert({ url: req.body.url, body: body.slice(0, 2000), author })
    .select()
    .single()

  if (error) {
    res.send({ error: error.message })
    return
  }

  notifyPeers(req.body.url, (data as Note).id)
  res.send({ note: data as Note })
}

export default handler
