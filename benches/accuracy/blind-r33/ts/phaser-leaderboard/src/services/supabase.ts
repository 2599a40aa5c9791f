import { createClient } from "@supabase/supabase-js";

// one browser client for the whole game; scenes come and go, this stays
export const supabase = createClient(
  import.meta.env.VITE_SUPABASE_URL,
  import.meta.env.VITE_SUPABASE_ANON_KEY,
  { realtime: { params: { eventsPerSecond: 5 } } },
);

export interface ScoreRow {
  player: string;
  score: number;
  created_at?: string;
}

export async function topScores(limit = 10): Promise<ScoreRow[]> {
  const { data, error } = await supabase
    .from("scores")
    .select("player, score, created_at")
    .order("score", { ascending: false })
    .limit(limit);
  if (error) throw error;
  return data ?? [];
}

export async function submitScores(rows: ScoreRow[]): Promise<void> {
  if (rows.length === 0) return;
  const { error } = await supabase.from("scores").insert(rows);
  if (error) throw error;
}
