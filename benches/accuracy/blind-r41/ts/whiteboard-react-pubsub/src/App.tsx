import { useEffect, useState } from 'react';
import { BoardCanvas } from './components/BoardCanvas';
import { PresenceBar } from './components/PresenceBar';
import { useOnlineStatus } from './hooks/useOnlineStatus';

function boardIdFromLocation(): string {
  return new URLSearchParams(window.location.search).get('board') ?? 'default';
}

export function App() {
  const [boardId, setBoardId] = useState(boardIdFromLocation);
  const [tool, setTool] = useState<'pen' | 'eraser'>('pen');
  const online = useOnlineStatus();
  const userName = localStorage.getItem('wb:user') ?? 'guest';

  useEffect(() => {
    const onPopState = () => setBoardId(boardIdFromLocation());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'e') setTool('eraser');
      if (e.key === 'p') setTool('pen');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <main className="app">
      <header>
        <h1>Board {boardId}</h1>
        {!online && <span className="badge offline">offline - changes will sync later</span>}
        <PresenceBar boardId={boardId} userName={userName} />
      </header>
      <BoardCanvas boardId={boardId} tool={tool} />
    </main>
  );
}
