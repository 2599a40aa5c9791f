import React, { useEffect, useRef, useState } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

export default function LiveDeployLog({ service }: { service: string }): JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  const [lines, setLines] = useState<string[]>([]);
  const [elapsed, setElapsed] = useState(0);
  const [wide, setWide] = useState(false);
  const boxRef = useRef<HTMLPreElement>(null);

  useEffect(() => {
    const ws = new WebSocket(`${siteConfig.customFields!.deployLogUrl}?service=${encodeURIComponent(service)}`);
    ws.onmessage = (ev) => setLines((prev) => [...prev.slice(-499), String(ev.data)]);
    return () => {
      ws.onmessage = null;
      ws.close(1000, 'component unmounted');
    };
  }, [service, siteConfig]);

  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, [service]);

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(([entry]) => setWide(entry.contentRect.width > 900));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setLines([]);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className={wide ? 'deploy-log deploy-log--wide' : 'deploy-log'}>
      <small>
        {service} · {elapsed}s
      </small>
      <pre ref={boxRef}>{lines.join('\n')}</pre>
    </div>
  );
}
