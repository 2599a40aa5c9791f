import Docker from "dockerode";
import { closeDedupe } from "./dedupe";
import { DockerEvent, handleEvent } from "./events";

const docker = new Docker({ socketPath: process.env.DOCKER_SOCKET ?? "/var/run/docker.sock" });

async function main(): Promise<void> {
  const stream = await docker.getEvents({
    filters: { type: ["container"] },
  });

  let buffered = "";
  stream.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      const evt = JSON.parse(line) as DockerEvent;
      handleEvent(evt).catch((err) => console.error("event handling failed", err));
    }
  });

  stream.on("error", (err) => {
    console.error("docker event stream error", err);
    process.exit(1);
  });

  process.on("SIGTERM", async () => {
    (stream as unknown as { destroy(): void }).destroy();
    await closeDedupe();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
