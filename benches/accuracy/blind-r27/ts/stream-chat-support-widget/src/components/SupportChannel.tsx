import { useEffect, useRef, useState } from 'react';
import type { Channel, MessageResponse } from 'stream-chat';
import { chatClient, supportChannelId, type SupportUser } from '../chatClient';

export function SupportChannel({ user }: { user: SupportUser }) {
  const [channel, setChannel] = useState<Channel | null>(null);
  const [messages, setMessages] = useState<MessageResponse[]>([]);
  const [agentTyping, setAgentTyping] = useState(false);
  const [draft, setDraft] = useState('');
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const ch = chatClient.channel('messaging', supportChannelId(user.id), {
      members: [user.id],
    });
    let active = true;
    ch.watch({ presence: true }).then(() => {
      if (!active) return;
      setChannel(ch);
      setMessages([...ch.state.messages] as unknown as MessageResponse[]);
    });

    const onNew = ch.on('message.new', (event) => {
      if (event.message) setMessages((list) => [...list, event.message!]);
    });
    const onTypingStart = ch.on('typing.start', (event) => {
      if (event.user?.id !== user.id) setAgentTyping(true);
    });
    const onTypingStop = ch.on('typing.stop', () => setAgentTyping(false));

    return () => {
      active = false;
      onNew.unsubscribe();
      onTypingStart.unsubscribe();
      onTypingStop.unsubscribe();
      void ch.stopWatching().catch(() => undefined);
    };
  }, [user.id]);

  useEffect(() => {
    if (!channel || !draft) return;
    const keepalive = setInterval(() => void channel.keystroke(), 2_000);
    return () => {
      clearInterval(keepalive);
      void channel.stopTyping();
    };
  }, [channel, draft.length > 0]);

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new ResizeObserver(() => {
      list.scrollTop = list.scrollHeight;
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!channel) return;
    const onVisible = () => {
      if (document.visibilityState === 'visible') void channel.markRead();
    };
    document.addEventListener('visibilitychange', onVisible);
    onVisible();
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [channel]);

  async function send(e: React.FormEvent) {
    e.preventDefault();
    if (!channel || !draft.trim()) return;
    await channel.sendMessage({ text: draft.trim() });
    setDraft('');
  }

  return (
    <section className="support-channel">
      <ol ref={listRef}>
        {messages.map((m) => (
          <li key={m.id} className={m.user?.id === user.id ? 'mine' : 'agent'}>
            {m.text}
          </li>
        ))}
      </ol>
      {agentTyping && <p className="typing">Support is typing…</p>}
      <form onSubmit={send}>
        <input value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Ask us anything" disabled={!channel} />
        <button type="submit" disabled={!channel || !draft.trim()}>
          Send
        </button>
      </form>
    </section>
  );
}
