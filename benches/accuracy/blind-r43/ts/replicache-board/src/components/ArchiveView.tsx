import { Replicache } from 'replicache';
import { useSubscribe } from 'replicache-react';
import type { Card } from '../mutators';
import { mutators } from '../mutators';
import { LICENSE_KEY, userId } from '../rep';

export function ArchiveView({ boardId }: { boardId: string }) {
  const archive = new Replicache({
    name: `archive-${boardId}-${userId}`,
    licenseKey: LICENSE_KEY,
    pullURL: `/api/replicache/pull?board=${boardId}&archived=1`,
    pushURL: '/api/replicache/push',
    mutators,
  });

  const cards = useSubscribe(
    archive,
    async (tx) => ((await tx.scan({ prefix: 'card/' }).values().toArray()) as Card[]).filter((c) => c.archived),
    { default: [] as Card[] },
  );

  return (
    <details>
      <summary>Archived ({cards.length})</summary>
      <ul>
        {cards.map((c) => (
          <li key={c.id}>{c.title}</li>
        ))}
      </ul>
    </details>
  );
}
