import React, { useEffect, useState } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useOnlineStatus } from '../hooks/useOnlineStatus';

type Incident = { id: string; title: string; severity: 'minor' | 'major' | 'critical' };

export default function StatusBanner(): JSX.Element | null {
  const { siteConfig } = useDocusaurusContext();
  const online = useOnlineStatus();
  const [incidents, setIncidents] = useState<Incident[]>([]);

  useEffect(() => {
    if (!online) return undefined;
    const source = new EventSource(siteConfig.customFields!.statusStreamUrl as string);
    const onIncidents = (ev: MessageEvent) => setIncidents(JSON.parse(ev.data));
    source.addEventListener('incidents', onIncidents);
    return () => {
      source.removeEventListener('incidents', onIncidents);
      source.close();
    };
  }, [online, siteConfig]);

  useEffect(() => {
    const channel = new BroadcastChannel('status-banner');
    channel.onmessage = (ev) => {
      if (ev.data?.type === 'dismiss-all') setIncidents([]);
    };
    return () => channel.close();
  }, []);

  if (!incidents.length) return null;
  return (
    <div className={`status-banner status-banner--${incidents[0].severity}`}>
      {incidents.map((i) => (
        <span key={i.id}>{i.title}</span>
      ))}
    </div>
  );
}
