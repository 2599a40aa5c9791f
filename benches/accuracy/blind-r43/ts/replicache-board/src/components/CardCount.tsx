import { useEffect, useState } from 'react';
import type { Card } from '../mutators';
import { rep } from '../rep';

export function CardCount({ column }: { column: Card['column'] }) {
  const [count, setCount] = useState(0);

  useEffect(() => {
    rep.subscribe(
      async (tx) => {
        const cards = (await tx.scan({ prefix: 'card/' }).values().toArray()) as Card[];
        return cards.filter((c) => c.column === column && !c.archived).length;
      },
      { onData: setCount },
    );
  }, [column]);

  return <span className="badge">{count}</span>;
}
