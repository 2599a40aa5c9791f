import type { Signal } from "@preact/signals";
import { useSignal, useSignalEffect } from "@preact/signals";

interface Stats {
  queued: number;
  running: number;
  agentsIdle: number;
  p50WaitSeconds: number;
}

export function QueueStats({ pipeline }: { pipeline: Signal<string> }) {
  const stats = useSignal<Stats | null>(null);

  useSignalEffect(() => {
    const name = pipeline.value;
    const refresh = () =>
      fetch(`/api/pipelines/${name}/queue`)
        .then((r) => r.json())
        .then((s: Stats) => (stats.value = s));
    refresh();
    setInterval(refresh, 10_000);
  });

  const s = stats.value;
  if (!s) return <p>loading queue…</p>;
  return (
    <dl class="queue">
      <dt>Queued</dt>
      <dd>{s.queued}</dd>
      <dt>Running</dt>
      <dd>{s.running}</dd>
      <dt>Idle agents</dt>
      <dd>{s.agentsIdle}</dd>
      <dt>p50 wait</dt>
      <dd>{s.p50WaitSeconds}s</dd>
    </dl>
  );
}
