import type { Signal } from "@preact/signals";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useChannel } from "../hooks/useChannel";

interface Build {
  id: string;
  pipeline: string;
  status: "queued" | "running" | "passed" | "failed";
  commit: string;
}

export function PipelineList(props: { selected: Signal<string>; onSelectBuild: (id: string) => void }) {
  const builds = useSignal<Build[]>([]);
  const pipeline = props.selected.value;

  useEffect(() => {
    const ctrl = new AbortController();
    fetch(`/api/pipelines/${pipeline}/builds?limit=30`, { signal: ctrl.signal })
      .then((r) => r.json())
      .then((rows: Build[]) => (builds.value = rows))
      .catch((err) => {
        if (err.name !== "AbortError") console.error(err);
      });
    return () => ctrl.abort();
  }, [pipeline]);

  useChannel(`builds:${pipeline}`, "status", (msg) => {
    const update = msg.data as Build;
    const rest = builds.value.filter((b) => b.id !== update.id);
    builds.value = [update, ...rest].slice(0, 30);
  });

  return (
    <ul class="builds">
      {builds.value.map((b) => (
        <li key={b.id} class={b.status} onClick={() => props.onSelectBuild(b.id)}>
          {b.commit.slice(0, 7)} — {b.status}
        </li>
      ))}
    </ul>
  );
}
