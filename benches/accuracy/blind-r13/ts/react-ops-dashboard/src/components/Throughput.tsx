import { useEffect, useRef, useState } from "react";

export function Throughput({ storeId }: { storeId: string }) {
  const [perMinute, setPerMinute] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const worker = new Worker(new URL("../workers/throughput.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<{ perMinute: number }>) => setPerMinute(e.data.perMinute);
    worker.postMessage({ storeId });

    const onResize = () => {
      if (canvas.current) canvas.current.width = canvas.current.parentElement?.clientWidth ?? 300;
    };
    window.addEventListener("resize", onResize);
    onResize();

    return () => {
      window.removeEventListener("resize", onResize);
      worker.terminate();
    };
  }, [storeId]);

  return (
    <figure>
      <canvas ref={canvas} height={80} />
      <figcaption>{perMinute} orders/min</figcaption>
    </figure>
  );
}
