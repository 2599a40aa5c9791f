import { Mastra } from "@mastra/core/mastra";
import { createLogger } from "@mastra/core/logger";
import { supportAgent } from "./agents/support";

export const mastra = new Mastra({
  agents: { supportAgent },
  logger: createLogger({ name: "support", level: "info" }),
});
