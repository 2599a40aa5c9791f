import { useEffect, useState } from "react";
import { liveQuery } from "dexie";
import { db, type InboxMessage } from "../db";

export function useInbox(limit = 50) {
  const [messages, setMessages] = useState<InboxMessage[]>([]);
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    const observable = liveQuery(() => db.messages.orderBy("receivedAt").reverse().limit(limit).toArray());
    observable.subscribe({ next: setMessages, error: (err) => console.error("inbox query failed", err) });
  }, [limit]);

  useEffect(() => {
    const sub = liveQuery(() => db.messages.where("read").equals(0).count()).subscribe({
      next: setUnread,
    });
    return () => sub.unsubscribe();
  }, []);

  return { messages, unread };
}
