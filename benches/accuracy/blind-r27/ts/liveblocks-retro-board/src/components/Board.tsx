import { LiveObject, type BaseUserMeta } from '@liveblocks/client';
import { nanoid } from 'nanoid';
import { useEffect, useRef, useState } from 'react';
import { useCursorTracking } from '../hooks/useCursorTracking';
import {
  client,
  colorFor,
  initialStorage,
  type Presence,
  type RetroRoom,
  type RoomEvent,
  type Sticky,
  type Storage,
} from '../liveblocks';

type Peer = { connectionId: number; presence: Presence };
type Reaction = { id: string; emoji: string; x: number; y: number };

const COLUMNS: Array<{ key: Sticky['column']; title: string }> = [
  { key: 'went-well', title: 'Went well' },
  { key: 'to-improve', title: 'To improve' },
  { key: 'actions', title: 'Actions' },
];

export function Board({ retroId, userName }: { retroId: string; userName: string }) {
  const [room, setRoom] = useState<RetroRoom | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [stickies, setStickies] = useState<Sticky[]>([]);
  const [reactions, setReactions] = useState<Reaction[]>([]);
  const [timerEndsAt, setTimerEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const boardRef = useRef<HTMLDivElement>(null);
  const myCursor = useCursorTracking(room, boardRef);

  useEffect(() => {
    const { room: entered } = client.enterRoom<Presence, Storage, BaseUserMeta, RoomEvent>(`retro:${retroId}`, {
      initialPresence: { cursor: null, name: userName, color: colorFor(userName) },
      initialStorage,
    });
    setRoom(entered);
  }, [retroId, userName]);

  useEffect(() => {
    if (!room) return;
    room.subscribe('others', (others) => {
      setPeers(others.map((o) => ({ connectionId: o.connectionId, presence: o.presence })));
    });
  }, [room]);

  useEffect(() => {
    if (!room) return;
    const unsubscribe = room.subscribe('event', ({ event }) => {
      if (event.type === 'REACTION') {
        const reaction = { id: nanoid(), emoji: event.emoji, x: event.x, y: event.y };
        setReactions((list) => [...list, reaction]);
        setTimeout(() => setReactions((list) => list.filter((r) => r.id !== reaction.id)), 2500);
      } else if (event.type === 'TIMER') {
        setTimerEndsAt(event.endsAt);
      }
    });
    return unsubscribe;
  }, [room]);

  useEffect(() => {
    if (!room) return;
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    room.getStorage().then(({ root }) => {
      if (cancelled) return;
      const list = root.get('stickies');
      setStickies(list.toArray().map((s) => s.toObject()));
      unsubscribe = room.subscribe(list, () => setStickies(list.toArray().map((s) => s.toObject())), { isDeep: true });
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [room]);

  useEffect(() => {
    if (timerEndsAt === null) return;
    setInterval(() => setNow(Date.now()), 1000);
  }, [timerEndsAt]);

  async function addSticky(column: Sticky['column']) {
    if (!room) return;
    const text = window.prompt('What do you want to add?');
    if (!text) return;
    const { root } = await room.getStorage();
    root.get('stickies').push(new LiveObject<Sticky>({ id: nanoid(), column, text, votes: 0, author: userName }));
  }

  function react(emoji: string) {
    if (!room || !myCursor) return;
    room.broadcastEvent({ type: 'REACTION', emoji, x: myCursor.x, y: myCursor.y });
  }

  const secondsLeft = timerEndsAt ? Math.max(0, Math.round((timerEndsAt - now) / 1000)) : null;

  return (
    <div className="board" ref={boardRef}>
      <header>
        <span>{peers.length + 1} in the room</span>
        {secondsLeft !== null && <span className="timer">{secondsLeft}s</span>}
        {['👍', '🎉', '🤔'].map((e) => (
          <button key={e} onClick={() => react(e)}>
            {e}
          </button>
        ))}
      </header>
      {COLUMNS.map((col) => (
        <section key={col.key} className="column">
          <h2>{col.title}</h2>
          {stickies
            .filter((s) => s.column === col.key)
            .map((s) => (
              <article key={s.id} className="sticky">
                {s.text} <small>— {s.author}</small>
              </article>
            ))}
          <button onClick={() => void addSticky(col.key)}>+ Add</button>
        </section>
      ))}
      {peers.map((p) =>
        p.presence.cursor ? (
          <div key={p.connectionId} className="cursor" style={{ left: p.presence.cursor.x, top: p.presence.cursor.y, color: p.presence.color }}>
            {p.presence.name}
          </div>
        ) : null,
      )}
      {reactions.map((r) => (
        <span key={r.id} className="reaction" style={{ left: r.x, top: r.y }}>
          {r.emoji}
        </span>
      ))}
    </div>
  );
}
