import { createEffect, createSignal, For, onCleanup } from 'solid-js';
import type { RealtimePostgresInsertPayload } from '@supabase/supabase-js';
import { supabase, type Message } from '../lib/supabase';

export default function ChatRoom(props: { roomId: string; me: string }) {
  const [messages, setMessages] = createSignal<Message[]>([]);
  const [draft, setDraft] = createSignal('');

  // Re-runs whenever props.roomId changes: leave the old channel, join the new one.
  createEffect(() => {
    const roomId = props.roomId;
    setMessages([]);

    supabase
      .from('messages')
      .select('*')
      .eq('room_id', roomId)
      .order('created_at', { ascending: true })
      .limit(100)
      .then(({ data }) => setMessages(data ?? []));

    const channel = supabase
      .channel(`room:${roomId}`)
      .on(
        'postgres_changes',
        { event: 'INSERT', schema: 'public', table: 'messages', filter: `room_id=eq.${roomId}` },
        (payload: RealtimePostgresInsertPayload<Message>) => setMessages((prev) => [...prev, payload.new]),
      )
      .subscribe();

    onCleanup(() => {
      supabase.removeChannel(channel);
    });
  });

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = draft().trim();
    if (!body) return;
    setDraft('');
    await supabase.from('messages').insert({ room_id: props.roomId, author: props.me, body });
  };

  return (
    <section>
      <ul>
        <For each={messages()}>{(m) => <li><b>{m.author}</b>: {m.body}</li>}</For>
      </ul>
      <form onSubmit={send}>
        <input value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit">Send</button>
      </form>
    </section>
  );
}
