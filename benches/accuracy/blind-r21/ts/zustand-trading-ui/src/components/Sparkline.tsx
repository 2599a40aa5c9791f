import { useEffect, useRef } from "react";
import { useMarket } from "../store";
import { useQuote } from "../hooks/useQuote";

const MAX_POINTS = 120;

export function Sparkline({ symbol }: { symbol: string }) {
  useQuote(symbol);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const points = useRef<number[]>([]);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const ctx = canvas.getContext("2d")!;

    const draw = () => {
      const pts = points.current;
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      if (pts.length < 2) return;
      const min = Math.min(...pts);
      const max = Math.max(...pts);
      const span = max - min || 1;
      ctx.beginPath();
      pts.forEach((p, i) => {
        const x = (i / (MAX_POINTS - 1)) * canvas.width;
        const y = canvas.height - ((p - min) / span) * canvas.height;
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.strokeStyle = pts[pts.length - 1] >= pts[0] ? "#1a7f37" : "#cf222e";
      ctx.stroke();
    };

    // Transient updates: draw straight from the store without re-rendering.
    const unsubscribe = useMarket.subscribe(
      (s) => s.quotes[symbol]?.last,
      (last) => {
        if (last === undefined) return;
        points.current = [...points.current.slice(-(MAX_POINTS - 1)), last];
        draw();
      },
    );

    const resize = new ResizeObserver(([entry]) => {
      canvas.width = Math.floor(entry.contentRect.width * devicePixelRatio);
      canvas.height = Math.floor(entry.contentRect.height * devicePixelRatio);
      draw();
    });
    resize.observe(canvas);

    return () => {
      unsubscribe();
      resize.disconnect();
    };
  }, [symbol]);

  return <canvas ref={canvasRef} className="sparkline" />;
}
