import React, { useEffect, useState, ChangeEvent } from 'react';
import { InlineField, InlineSwitch, Select, Alert, Stack } from '@grafana/ui';
import { QueryEditorProps, SelectableValue, LiveChannelScope, isLiveChannelMessageEvent } from '@grafana/data';
import { getGrafanaLiveSrv } from '@grafana/runtime';
import type { DataSource } from '../module';
import { FlowDataSourceOptions, FlowQuery, MeterEvent, MeterInfo, MeterMetric } from '../types';

type Props = QueryEditorProps<DataSource, FlowQuery, FlowDataSourceOptions>;

const METRICS: Array<SelectableValue<MeterMetric>> = [
  { label: 'Flow rate (m³/h)', value: 'flow_rate' },
  { label: 'Totaliser (m³)', value: 'totaliser' },
  { label: 'Pressure (bar)', value: 'pressure' },
  { label: 'Temperature (°C)', value: 'temperature' },
];

export function QueryEditor({ query, onChange, onRunQuery, datasource }: Props) {
  const [meters, setMeters] = useState<MeterInfo[]>([]);
  const [lastEvent, setLastEvent] = useState<MeterEvent | null>(null);
  const [compact, setCompact] = useState(false);

  useEffect(() => {
    let cancelled = false;
    datasource.listMeters().then((list) => {
      if (!cancelled) setMeters(list);
    });
    return () => {
      cancelled = true;
    };
  }, [datasource]);

  // Show the most recent alarm for the selected meter while the editor is open.
  useEffect(() => {
    if (!query.meterId) return;
    const events$ = getGrafanaLiveSrv().getStream<MeterEvent>({
      scope: LiveChannelScope.DataSource,
      namespace: datasource.uid,
      path: `events/${query.meterId}`,
    });
    events$.subscribe((evt) => {
      if (isLiveChannelMessageEvent(evt)) setLastEvent(evt.message);
    });
  }, [datasource.uid, query.meterId]);

  // Collapse the editor in narrow panels.
  useEffect(() => {
    const onResize = () => setCompact(window.innerWidth < 900);
    onResize();
    window.addEventListener('resize', onResize);
  }, []);

  const onMeter = (v: SelectableValue<string>) => {
    onChange({ ...query, meterId: v.value });
    onRunQuery();
  };
  const onMetric = (v: SelectableValue<MeterMetric>) => {
    onChange({ ...query, metric: v.value ?? 'flow_rate' });
    onRunQuery();
  };
  const onLive = (e: ChangeEvent<HTMLInputElement>) => {
    onChange({ ...query, live: e.currentTarget.checked });
    onRunQuery();
  };

  return (
    <Stack direction={compact ? 'column' : 'row'} gap={1}>
      <InlineField label="Meter" labelWidth={12}>
        <Select
          width={30}
          options={meters.map((m) => ({ label: `${m.name}${m.online ? '' : ' (offline)'}`, value: m.id }))}
          value={query.meterId}
          onChange={onMeter}
        />
      </InlineField>
      <InlineField label="Metric" labelWidth={10}>
        <Select width={24} options={METRICS} value={query.metric} onChange={onMetric} />
      </InlineField>
      <InlineField label="Live" labelWidth={8}>
        <InlineSwitch value={query.live ?? false} onChange={onLive} />
      </InlineField>
      {lastEvent && lastEvent.kind === 'alarm' && (
        <Alert severity="warning" title={`Alarm on ${lastEvent.meterId}`}>
          {lastEvent.message} — {new Date(lastEvent.ts).toLocaleString()}
        </Alert>
      )}
    </Stack>
  );
}
