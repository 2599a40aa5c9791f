import React, { useEffect, useRef, useState } from 'react';
import { useDispatch, useSelector } from 'react-redux';
import { actions, type AppDispatch, type RootState } from '../store';

interface Props {
  room: string;
}

export function ChatRoom({ room }: Props) {
  const dispatch = useDispatch<AppDispatch>();
  const messages = useSelector((s: RootState) => s.chat.messages[room] ?? []);
  const status = useSelector((s: RootState) => s.chat.status);
  const [draft, setDraft] = useState('');
  const [hidden, setHidden] = useState(document.visibilityState === 'hidden');
  const [unread, setUnread] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  // Join the room on the shared socket while this view is mounted.
  useEffect(() => {
    dispatch(actions.joinRoom(room));
    return () => {
      dispatch(actions.leaveRoom(room));
    };
  }, [dispatch, room]);

  useEffect(() => {
    const onVisibility = () => setHidden(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    if (hidden) setUnread((n) => n + 1);
    listRef.current?.lastElementChild?.scrollIntoView({ behavior: 'smooth' });
  }, [messages.length]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!hidden) setUnread(0);
    document.title = unread > 0 && hidden ? `(${unread}) Support chat` : 'Support chat';
  }, [hidden, unread]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) return;
    dispatch(actions.sendMessage({ room, body: draft.trim() }));
    setDraft('');
  };

  return (
    <section className="chat-room">
      <header>
        #{room} <span className={`status ${status}`}>{status}</span>
      </header>
      <ul ref={listRef}>
        {messages.map((m) => (
          <li key={m.id}>
            <b>{m.author}</b> <time>{new Date(m.sentAt).toLocaleTimeString()}</time>
            <p>{m.body}</p>
          </li>
        ))}
      </ul>
      <form onSubmit={submit}>
        <input value={draft} onChange={(e) => setDraft(e.target.value)} disabled={status !== 'online'} />
        <button type="submit" disabled={status !== 'online'}>Send</button>
      </form>
    </section>
  );
}
