import { useEffect, useState } from 'react';
import { WebPubSubClient, type OnGroupDataMessageArgs } from '@azure/web-pubsub-client';

interface Props {
  boardId: string;
  userName: string;
}

type PresenceMessage = { type: 'join' | 'leave'; user: string };

async function negotiate(boardId: string): Promise<string> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/negotiate`, { credentials: 'include' });
  if (!res.ok) throw new Error(`negotiate failed: ${res.status}`);
  const { url } = (await res.json()) as { url: string };
  return url;
}

export function PresenceBar({ boardId, userName }: Props) {
  const [members, setMembers] = useState<string[]>([]);
  const client = new WebPubSubClient({ getClientAccessUrl: () => negotiate(boardId) });

  useEffect(() => {
    const group = `board:${boardId}`;
    const onGroupMessage = (e: OnGroupDataMessageArgs) => {
      const msg = e.message.data as PresenceMessage;
      setMembers((prev) =>
        msg.type === 'join'
          ? Array.from(new Set([...prev, msg.user]))
          : prev.filter((u) => u !== msg.user),
      );
    };

    client.on('group-message', onGroupMessage);
    client
      .start()
      .then(() => client.joinGroup(group))
      .then(() => client.sendToGroup(group, { type: 'join', user: userName }, 'json'))
      .catch((err) => console.error('presence connection failed', err));

    return () => {
      client.off('group-message', onGroupMessage);
      client.sendToGroup(group, { type: 'leave', user: userName }, 'json').finally(() => client.stop());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, userName]);

  return (
    <ul className="presence">
      {members.map((m) => (
        <li key={m} title={m}>
          {m.slice(0, 2).toUpperCase()}
        </li>
      ))}
    </ul>
  );
}
