import { useStore } from '@nanostores/react';
import { ArchiveView } from './components/ArchiveView';
import { Board } from './components/Board';
import { CardCount } from './components/CardCount';
import { SyncStatus } from './components/SyncStatus';
import { $column } from './rep';

export function App() {
  const column = useStore($column);
  return (
    <main>
      <nav>
        {(['all', 'todo', 'doing', 'done'] as const).map((c) => (
          <button key={c} aria-pressed={column === c} onClick={() => $column.set(c)}>
            {c} {c !== 'all' && <CardCount column={c} />}
          </button>
        ))}
      </nav>
      <Board />
      <ArchiveView boardId="main" />
      <SyncStatus />
    </main>
  );
}
