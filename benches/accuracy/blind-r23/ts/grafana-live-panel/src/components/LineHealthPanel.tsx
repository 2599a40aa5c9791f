import React, { useEffect, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { LiveChannelScope, PanelProps, RefreshEvent, isLiveChannelMessageEvent } from '@grafana/data';
import { getGrafanaLiveSrv } from '@grafana/runtime';
import { useStyles2, Badge } from '@grafana/ui';
import type { LineHealthOptions, PlcAlarm, StationStatus } from '../types';

type Props = PanelProps<LineHealthOptions>;

const getStyles = () => ({
  grid: css`display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 8px;`,
  tile: css`padding: 8px; border-radius: 4px; background: rgba(255, 255, 255, 0.04);`,
  stale: css`opacity: 0.45;`,
});

export const LineHealthPanel: React.FC<Props> = ({ options, width, height, eventBus }) => {
  const styles = useStyles2(getStyles);
  const [stations, setStations] = useState<Record<string, StationStatus>>({});
  const [alarms, setAlarms] = useState<PlcAlarm[]>([]);
  const [now, setNow] = useState(Date.now());
  const [visible, setVisible] = useState(!document.hidden);
  const panelRef = useRef<HTMLDivElement>(null);
  const [compact, setCompact] = useState(false);

  // Grafana Live stream of station status frames.
  useEffect(() => {
    if (options.pauseWhenHidden && !visible) return;
    const sub = getGrafanaLiveSrv()
      .getStream<StationStatus>({ scope: LiveChannelScope.Stream, namespace: 'plant', path: options.channel })
      .subscribe({
        next: (evt) => {
          if (!isLiveChannelMessageEvent(evt)) return;
          setStations((prev) => ({ ...prev, [evt.message.station]: evt.message }));
        },
      });
    return () => sub.unsubscribe();
  }, [options.channel, options.pauseWhenHidden, visible]);

  // PLC gateway alarms come over a plain websocket.
  useEffect(() => {
    const ws = new WebSocket(options.gatewayUrl);
    ws.onmessage = (ev) => {
      const alarm = JSON.parse(ev.data) as PlcAlarm;
      setAlarms((prev) => [alarm, ...prev.filter((a) => a.id !== alarm.id)].slice(0, 8));
    };
    return () => {
      ws.onmessage = null;
      ws.close(1000, 'panel unmounted');
    };
  }, [options.gatewayUrl]);

  // Dashboard refresh button clears the alarm list.
  useEffect(() => {
    const sub = eventBus.getStream(RefreshEvent).subscribe(() => setAlarms([]));
    return () => sub.unsubscribe();
  }, [eventBus]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const onVisibility = () => setVisible(!document.hidden);
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    if (!panelRef.current) return;
    const ro = new ResizeObserver(([entry]) => setCompact(entry.contentRect.width < 480));
    ro.observe(panelRef.current);
    return () => ro.disconnect();
  }, []);

  const staleMs = options.staleAfterSeconds * 1000;

  return (
    <div ref={panelRef} style={{ width, height, overflow: 'auto' }}>
      <div className={styles.grid}>
        {Object.values(stations).map((s) => (
          <div key={s.station} className={`${styles.tile} ${now - s.updatedAt > staleMs ? styles.stale : ''}`}>
            <strong>{s.station}</strong>
            <div>{compact ? `${Math.round(s.oee * 100)}%` : `OEE ${(s.oee * 100).toFixed(1)}% · ${s.cycleMs} ms`}</div>
            <Badge text={s.state} color={s.state === 'running' ? 'green' : s.state === 'down' ? 'red' : 'orange'} />
          </div>
        ))}
      </div>
      {alarms.map((a) => (
        <Badge key={a.id} text={`${a.station}: ${a.text}`} color={a.severity === 'critical' ? 'red' : 'orange'} />
      ))}
    </div>
  );
};
