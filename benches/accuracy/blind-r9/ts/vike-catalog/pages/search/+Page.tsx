import { useData } from 'vike-react/useData';
import type { data } from './+data';

export default function Page() {
  const { q, hits } = useData<Awaited<ReturnType<typeof data>>>();
  return (
    <>
      <h1>Results for “{q}”</h1>
      <ul>
        {hits.map(h => (
          <li key={h.slug}>
            <a href={`/products/${h.slug}`}>{h.title}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
