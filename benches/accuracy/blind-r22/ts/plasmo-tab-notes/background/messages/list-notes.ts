import type { PlasmoMessaging } from "@plasmohq/messaging"

import { supabase, type Note } from "~lib/supabase"

export type ListNotesRequest = { url: string }
export type ListNotesResponse = { notes: Note[]; error?: string }

const handler: PlasmoMessaging.MessageHandler<ListNotesRequest, ListNotesResponse> = async (
  req,
  res
) => {
  const url = req.body?.url
  if (!url) {
    res.send({ notes: [], error: "missing url" })
    return
  }

  const { data, error } = await supabase
    .from("notes")
    .select("id, url, author, body, created_at")
    .eq("url", url)
    .order("created_at", { ascending: false })
    .limit(100)

  res.send({ notes: (data as Note[]) ?? [], error: error?.message })
}

export default handler
