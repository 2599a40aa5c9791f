import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LiveClicks, RelativeTime } from './LinkStats';

interface Link {
  id: number;
  slug: string;
  target: string;
  created_at: string;
}

function App() {
  const [links, setLinks] = useState<Link[]>([]);

  useEffect(() => {
    const ctrl = new AbortController();
    fetch('/api/links', { signal: ctrl.signal })
      .then((r) => r.json())
      .then(setLinks)
      .catch(() => {});
    return () => ctrl.abort();
  }, []);

  return (
    <ul>
      {links.map((l) => (
        <li key={l.id}>
          <a href={`/r/${l.slug}`}>{l.slug}</a> → {l.target} <LiveClicks slug={l.slug} /> <RelativeTime at={l.created_at} />
        </li>
      ))}
    </ul>
  );
}

render(<App />, document.getElementById('root')!);
