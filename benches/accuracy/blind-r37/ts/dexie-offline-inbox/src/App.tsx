import { useCallback } from "react";
import { useInbox } from "./hooks/useInbox";
import { usePresence } from "./hooks/usePresence";
import { SyncBanner } from "./components/SyncBanner";
import { LivePush } from "./components/LivePush";
import { db } from "./db";

export default function App({ token, teamId }: { token: string; teamId: string }) {
  const { messages, unread } = useInbox();
  const { data: presence } = usePresence(teamId);
  const refetch = useCallback(() => {
    void fetch("/api/inbox/since-last", { headers: { authorization: `Bearer ${token}` } })
      .then((r) => r.json())
      .then((items) => db.messages.bulkPut(items));
  }, [token]);

  return (
    <main>
      <SyncBanner onReconnect={refetch} />
      <LivePush token={token} />
      <header>
        Inbox ({unread} unread) · {presence?.online.length ?? 0} teammates online
      </header>
      <ul>
        {messages.map((m) => (
          <li key={m.id} className={m.read ? "read" : "unread"} onClick={() => db.messages.update(m.id, { read: 1 })}>
            <strong>{m.from}</strong> {m.subject} <span>{m.preview}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
