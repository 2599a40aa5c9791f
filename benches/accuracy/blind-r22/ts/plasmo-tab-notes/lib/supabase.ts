import { createClient } from "@supabase/supabase-js"

export const SUPABASE_URL = process.env.PLASMO_PUBLIC_SUPABASE_URL as string
export const SUPABASE_ANON_KEY = process.env.PLASMO_PUBLIC_SUPABASE_ANON_KEY as string

// One client for the whole service worker lifetime.
export const supabase = createClient(SUPABASE_URL, SUPABASE_ANON_KEY, {
  auth: {
    persistSession: false,
    autoRefreshToken: false
  }
})

export interface Note {
  id: string
  url: string
  author: string
  body: string
  created_at: string
}
