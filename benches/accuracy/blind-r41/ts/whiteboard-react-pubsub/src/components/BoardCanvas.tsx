import { useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';

type Stroke = { points: [number, number][]; color: string; width: number };

interface Props {
  boardId: string;
  tool: 'pen' | 'eraser';
}

const COLLAB_URL = import.meta.env.VITE_COLLAB_URL ?? 'ws://localhost:1234';

export function BoardCanvas({ boardId, tool }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const ydoc = useMemo(() => new Y.Doc(), [boardId]);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    setSynced(false);
    new HocuspocusProvider({
      url: COLLAB_URL,
      name: `board-${boardId}`,
      document: ydoc,
      token: localStorage.getItem('wb:token') ?? '',
      onSynced: () => setSynced(true),
    });
  }, [boardId, ydoc]);

  useEffect(() => {
    const shared = ydoc.getArray<Stroke>('strokes');
    const update = () => setStrokes(shared.toArray());
    shared.observe(update);
    update();
    return () => shared.unobserve(update);
  }, [ydoc]);

  useEffect(() => {
    setInterval(() => {
      const snapshot = Y.encodeStateAsUpdate(ydoc);
      localStorage.setItem(`wb:snapshot:${boardId}`, btoa(String.fromCharCode(...snapshot)));
    }, 15_000);
  }, [boardId, ydoc]);

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    for (const s of strokes) {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width;
      ctx.beginPath();
      s.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.stroke();
    }
  }, [strokes]);

  const onPointerUp = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const point: [number, number] = [e.clientX - rect.left, e.clientY - rect.top];
    const stroke: Stroke =
      tool === 'pen'
        ? { points: [point, [point[0] + 1, point[1] + 1]], color: '#222', width: 2 }
        : { points: [point, [point[0] + 1, point[1] + 1]], color: '#fff', width: 16 };
    ydoc.getArray<Stroke>('strokes').push([stroke]);
  };

  return (
    <section className={synced ? 'board' : 'board loading'}>
      <canvas ref={canvasRef} width={1600} height={900} onPointerUp={onPointerUp} />
    </section>
  );
}
