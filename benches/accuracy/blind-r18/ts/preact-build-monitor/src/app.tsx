import { signal } from "@preact/signals";
import { useHotkeys } from "./hooks/useHotkeys";
import { PipelineList } from "./components/PipelineList";
import { BuildLog } from "./components/BuildLog";
import { QueueStats } from "./components/QueueStats";
import { DeployFeed } from "./components/DeployFeed";

export const selectedPipeline = signal("main");
export const selectedBuild = signal<string | null>(null);
const env = signal<"staging" | "production">("staging");

export function App() {
  useHotkeys({
    "shift+p": () => (env.value = env.value === "staging" ? "production" : "staging"),
    escape: () => (selectedBuild.value = null),
  });

  return (
    <main class="grid">
      <aside>
        <PipelineList selected={selectedPipeline} onSelectBuild={(id) => (selectedBuild.value = id)} />
        <QueueStats pipeline={selectedPipeline} />
      </aside>
      <section>{selectedBuild.value ? <BuildLog buildId={selectedBuild.value} /> : <p>Pick a build</p>}</section>
      <aside>
        <DeployFeed env={env.value} />
      </aside>
    </main>
  );
}
