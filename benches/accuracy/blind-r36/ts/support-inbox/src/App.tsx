import { useEffect, useState } from "react";
import { ConversationView } from "./components/ConversationView";
import { StatusBar } from "./components/StatusBar";
import { getConversationsClient } from "./lib/conversations";

export default function App() {
  const [conversationSids, setConversationSids] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let detach: (() => void) | undefined;
    getConversationsClient().then(async (client) => {
      const page = await client.getSubscribedConversations();
      if (cancelled) return;
      setConversationSids(page.items.map((c) => c.sid));
      const onJoined = (c: { sid: string }) => setConversationSids((prev) => [...prev, c.sid]);
      client.on("conversationJoined", onJoined);
      detach = () => client.removeListener("conversationJoined", onJoined);
    });
    return () => {
      cancelled = true;
      detach?.();
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setSelected(null);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="inbox">
      <StatusBar />
      <aside>
        {conversationSids.map((sid) => (
          <button key={sid} onClick={() => setSelected(sid)} aria-pressed={sid === selected}>
            {sid.slice(-6)}
          </button>
        ))}
      </aside>
      {selected ? <ConversationView conversationSid={selected} /> : <p>Select a conversation</p>}
    </div>
  );
}
