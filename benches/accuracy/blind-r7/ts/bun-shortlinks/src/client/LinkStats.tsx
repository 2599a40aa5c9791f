import { useEffect, useState } from 'preact/hooks';

interface Props {
  slug: string;
}

export function LiveClicks({ slug }: Props) {
  const [clicks, setClicks] = useState(0);

  useEffect(() => {
    const source = new EventSource(`/api/links/${slug}/clicks/stream`);
    source.onmessage = (e) => setClicks(Number(e.data));
  }, [slug]);

  return <span class="badge">{clicks} clicks</span>;
}

export function RelativeTime({ at }: { at: string }) {
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);

  const mins = Math.round((now - new Date(at).getTime()) / 60_000);
  return <time dateTime={at}>{mins < 1 ? 'just now' : `${mins} min ago`}</time>;
}
