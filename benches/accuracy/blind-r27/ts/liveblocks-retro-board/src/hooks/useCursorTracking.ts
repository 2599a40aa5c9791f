import { useEffect, useRef, useState } from 'react';
import type { Cursor, RetroRoom } from '../liveblocks';

/**
 * Publishes the local cursor as presence and exposes it for the local overlay.
 */
export function useCursorTracking(room: RetroRoom | null, boardRef: React.RefObject<HTMLElement>) {
  const [cursor, setCursor] = useState<Cursor>(null);
  const lastSent = useRef(0);

  useEffect(() => {
    if (!room) return;
    const board = boardRef.current;
    if (!board) return;

    window.addEventListener('pointermove', (event: PointerEvent) => {
      const rect = board.getBoundingClientRect();
      const next = { x: Math.round(event.clientX - rect.left), y: Math.round(event.clientY - rect.top) };
      setCursor(next);
      const now = performance.now();
      if (now - lastSent.current > 30) {
        lastSent.current = now;
        room.updatePresence({ cursor: next });
      }
    });
  }, [room, boardRef]);

  useEffect(() => {
    if (!room) return;
    const onLeave = () => {
      setCursor(null);
      room.updatePresence({ cursor: null });
    };
    document.addEventListener('pointerleave', onLeave);
    return () => document.removeEventListener('pointerleave', onLeave);
  }, [room]);

  return cursor;
}
