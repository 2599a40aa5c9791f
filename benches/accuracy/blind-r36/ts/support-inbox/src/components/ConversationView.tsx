import { useEffect, useState } from "react";
import { useConversationMessages } from "../hooks/useConversationMessages";

export function ConversationView({ conversationSid }: { conversationSid: string }) {
  const messages = useConversationMessages(conversationSid);
  const [now, setNow] = useState(Date.now());

  // relative timestamps ("3 min ago") refresh every 30 s
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);

  return (
    <ol className="conversation">
      {messages.map((m) => (
        <li key={m.sid}>
          <b>{m.author}</b> {m.body}{" "}
          <small>{m.at ? `${Math.round((now - m.at.getTime()) / 60_000)} min ago` : ""}</small>
        </li>
      ))}
    </ol>
  );
}
