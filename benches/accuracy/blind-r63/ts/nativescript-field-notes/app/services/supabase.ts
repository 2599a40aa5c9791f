import { ApplicationSettings } from '@nativescript/core';
import { createClient } from '@supabase/supabase-js';

export const SUPABASE_URL = 'https://xyzcompany.supabase.co';
export const SUPABASE_ANON_KEY = 'public-anon-key';

const storage = {
  getItem: (key: string) => ApplicationSettings.getString(key) ?? null,
  setItem: (key: string, value: string) => ApplicationSettings.setString(key, value),
  removeItem: (key: string) => ApplicationSettings.remove(key),
};

// One client for the whole app session.
export const supabase = createClient(SUPABASE_URL, SUPABASE_ANON_KEY, {
  auth: { storage, autoRefreshToken: true, persistSession: true, detectSessionInUrl: false },
});
