import { useEffect, useState } from 'react';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import { GetQueueDepth } from '../../wailsjs/go/main/App';

interface Progress {
  file: string;
  done: number;
  total: number;
  error?: string;
}

export default function SyncPanel() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [depth, setDepth] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    EventsOn('sync:progress', (p: Progress) => {
      setProgress(p);
      if (p.error) setErrors((prev) => [`${p.file}: ${p.error}`, ...prev].slice(0, 20));
    });
  }, []);

  useEffect(() => {
    GetQueueDepth().then(setDepth);
    setInterval(() => {
      GetQueueDepth().then(setDepth);
    }, 3000);
  }, []);

  const pct = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <section className="sync">
      <h2>Upload queue: {depth}</h2>
      {progress && (
        <div className="progress">
          <progress value={pct} max={100} />
          <span>{progress.file}</span>
        </div>
      )}
      <ul className="errors">
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </section>
  );
}
