import { createClient } from '@supabase/supabase-js';
import { sql } from '../_shared/db.ts';
import { corsHeaders } from '../_shared/cors.ts';

const SUPABASE_URL = Deno.env.get('SUPABASE_URL')!;
const SUPABASE_ANON_KEY = Deno.env.get('SUPABASE_ANON_KEY')!;

Deno.serve(async (req: Request) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });

  // Per-request client carrying the caller's JWT so that RLS applies to their own rows.
  const supabase = createClient(SUPABASE_URL, SUPABASE_ANON_KEY, {
    global: { headers: { Authorization: req.headers.get('Authorization')! } },
    auth: { persistSession: false },
  });

  const { data: userData, error: authError } = await supabase.auth.getUser();
  if (authError || !userData.user) {
    return new Response(JSON.stringify({ error: 'unauthorized' }), { status: 401, headers: corsHeaders });
  }

  if (req.method === 'GET') {
    const { data, error } = await supabase.from('orders').select('id, status, total_cents, created_at').limit(50);
    if (error) return new Response(JSON.stringify({ error: error.message }), { status: 500, headers: corsHeaders });
    return Response.json(data, { headers: corsHeaders });
  }

  const { items } = (await req.json()) as { items: { sku: string; qty: number }[] };
  const order = await sql.begin(async (tx) => {
    const [o] = await tx`
      insert into orders (user_id, status) values (${userData.user.id}, 'pending') returning id`;
    for (const item of items) {
      await tx`insert into order_items (order_id, sku, qty) values (${o.id}, ${item.sku}, ${item.qty})`;
      await tx`update stock set reserved = reserved + ${item.qty} where sku = ${item.sku}`;
    }
    return o;
  });

  return Response.json({ id: order.id }, { status: 201, headers: corsHeaders });
});
