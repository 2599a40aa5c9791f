import { boot } from 'quasar/wrappers';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { InjectionKey } from 'vue';

export const SupabaseKey: InjectionKey<SupabaseClient> = Symbol('supabase');

// Boot files run once when the app starts, before the root component mounts.
const supabase = createClient(
  import.meta.env.VITE_SUPABASE_URL as string,
  import.meta.env.VITE_SUPABASE_ANON_KEY as string,
  { realtime: { params: { eventsPerSecond: 10 } } },
);

export default boot(({ app }) => {
  app.provide(SupabaseKey, supabase);
  app.config.globalProperties.$supabase = supabase;
});

export { supabase };
