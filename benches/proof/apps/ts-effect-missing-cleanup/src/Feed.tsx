// A live feed that opens a WebSocket when it mounts (seeds 000 and 003: "components do not clean
// up their connections when they unmount").
import { useEffect, useState } from "react";

export function Feed({ url }: { url: string }) {
  const [messages, setMessages] = useState<string[]>([]);

  useEffect(() => {
    const ws = new WebSocket(url);
    ws.onmessage = (event) => setMessages((m) => [...m.slice(-9), String(event.data)]);
  }, [url]);

  return (
    <ul>
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}
