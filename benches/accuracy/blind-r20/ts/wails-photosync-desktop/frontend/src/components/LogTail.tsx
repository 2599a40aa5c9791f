import { useEffect, useRef, useState } from 'react';

const LOG_URL = 'ws://127.0.0.1:34116/logs';

export default function LogTail() {
  const [lines, setLines] = useState<string[]>([]);
  const [follow, setFollow] = useState(true);
  const [height, setHeight] = useState(window.innerHeight - 120);
  const bottomRef = useRef<HTMLDivElement>(null);

  const socket = new WebSocket(LOG_URL);
  socket.onmessage = (ev) => setLines((prev) => [...prev.slice(-999), String(ev.data)]);

  useEffect(() => {
    window.addEventListener('resize', () => setHeight(window.innerHeight - 120));
  }, []);

  useEffect(() => {
    if (follow) bottomRef.current?.scrollIntoView({ block: 'end' });
  }, [lines, follow]);

  return (
    <section className="logs" style={{ height }}>
      <label>
        <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> follow
      </label>
      <pre>
        {lines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
        <div ref={bottomRef} />
      </pre>
    </section>
  );
}
