import { useEffect, useRef, useState } from "react";

export function DeployLog({ deployId }: { deployId: string }) {
  const [lines, setLines] = useState<string[]>([]);
  const [paused, setPaused] = useState(false);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  useEffect(() => {
    const ws = new WebSocket(`${location.origin.replace(/^http/, "ws")}/api/deploys/${deployId}/log`);
    ws.onmessage = (event) => {
      if (!pausedRef.current) setLines((prev) => [...prev.slice(-999), String(event.data)]);
    };
    return () => {
      ws.onmessage = null;
      ws.close();
    };
  }, [deployId]);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    document.addEventListener(
      "keydown",
      (e) => {
        if (e.key === " " && e.target === document.body) {
          e.preventDefault();
          setPaused((p) => !p);
        }
      },
      { signal }
    );
    window.addEventListener("blur", () => setPaused(true), { signal });
    return () => controller.abort();
  }, []);

  return (
    <section>
      <h2>
        Deploy {deployId} {paused ? "(paused)" : ""}
      </h2>
      <pre>{lines.join("\n")}</pre>
    </section>
  );
}
