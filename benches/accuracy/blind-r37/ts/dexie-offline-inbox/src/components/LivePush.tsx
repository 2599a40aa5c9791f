import { useEffect } from "react";
import { db, type InboxMessage } from "../db";

// Receives new mail pushed by the server and stores it in IndexedDB; the
// inbox list re-renders through its liveQuery.
export function LivePush({ token }: { token: string }) {
  useEffect(() => {
    const socket = new WebSocket(`${import.meta.env.VITE_PUSH_URL}/inbox?token=${encodeURIComponent(token)}`);
    socket.onmessage = async (event) => {
      const msg = JSON.parse(event.data) as InboxMessage;
      await db.messages.put({ ...msg, read: 0 });
    };
    socket.onerror = (err) => console.warn("push socket error", err);
  }, [token]);

  return null;
}
