import { useStore } from '@nanostores/react';
import { nanoid } from 'nanoid';
import { useEffect } from 'react';
import { useSubscribe } from 'replicache-react';
import type { Card } from '../mutators';
import { $column, rep } from '../rep';

export function Board() {
  const column = useStore($column);
  const cards = useSubscribe(
    rep,
    async (tx) => (await tx.scan({ prefix: 'card/' }).values().toArray()) as Card[],
    { default: [] as Card[] },
  );

  // Server pokes us over SSE whenever another client pushed.
  useEffect(() => {
    const es = new EventSource('/api/replicache/poke');
    es.onmessage = () => void rep.pull();
    return () => es.close();
  }, []);

  useEffect(() => {
    return $column.listen((value) => localStorage.setItem('board:column', value));
  }, []);

  const visible = cards
    .filter((c) => !c.archived && (column === 'all' || c.column === column))
    .sort((a, b) => a.order - b.order);

  return (
    <section>
      <button onClick={() => void rep.mutate.createCard({ id: nanoid(), title: 'New card', column: 'todo', order: Date.now() })}>
        Add card
      </button>
      <ul>
        {visible.map((c) => (
          <li key={c.id}>
            {c.title} <small>{c.column}</small>
            <button onClick={() => void rep.mutate.archiveCard(c.id)}>archive</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
