import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";

export function BuildLog({ buildId }: { buildId: string }) {
  const lines = useSignal<string[]>([]);
  const finished = useSignal(false);

  useEffect(() => {
    lines.value = [];
    finished.value = false;
    const source = new EventSource(`/api/builds/${buildId}/log`);
    source.addEventListener("line", (e) => {
      lines.value = [...lines.value, (e as MessageEvent<string>).data];
    });
    source.addEventListener("done", () => {
      finished.value = true;
      source.close();
    });
  }, [buildId]);

  return (
    <pre class="log">
      {lines.value.join("\n")}
      {finished.value && "\n— build finished —"}
    </pre>
  );
}
