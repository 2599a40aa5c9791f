import { createClient } from '@supabase/supabase-js';

export const supabase = createClient(
  import.meta.env.VITE_SUPABASE_URL,
  import.meta.env.VITE_SUPABASE_ANON_KEY,
);

export interface Message {
  id: number;
  room_id: string;
  author: string;
  body: string;
  created_at: string;
}
