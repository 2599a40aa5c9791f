import termkit from "terminal-kit";
import { Redis } from "ioredis";
import { connectWithRetry } from "./db.js";
import { assignNext, loadJobs, render } from "./board.js";

const term = termkit.terminal;

async function main(): Promise<void> {
  const pool = await connectWithRetry();
  const events = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  let status = "ready";

  const refresh = async () => {
    try {
      render(term, await loadJobs(pool), status);
    } catch (err) {
      status = `refresh failed: ${(err as Error).message}`;
    }
  };

  term.fullscreen(true);
  term.hideCursor();
  term.grabInput(true);
  await refresh();
  const timer = setInterval(refresh, 5_000);

  const quit = async () => {
    clearInterval(timer);
    term.grabInput(false);
    term.fullscreen(false);
    await Promise.allSettled([pool.end(), events.quit()]);
    term.processExit(0);
  };

  // One callback per key press for as long as the board is open.
  term.on("key", async (name: string) => {
    switch (name) {
      case "a": {
        const result = await assignNext(pool);
        status = result ? `job #${result.job} -> ${result.courier}` : "nothing to assign";
        if (result) await events.publish("dispatch:assigned", JSON.stringify(result));
        await refresh();
        break;
      }
      case "r":
        await refresh();
        break;
      case "q":
      case "CTRL_C":
        await quit();
        break;
    }
  });
}

main().catch((err) => {
  term.fullscreen(false);
  console.error(err);
  process.exit(1);
});
