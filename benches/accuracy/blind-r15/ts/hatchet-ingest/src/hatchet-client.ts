import { HatchetClient } from "@hatchet-dev/typescript-sdk/v1";

// Reads HATCHET_CLIENT_TOKEN from the environment.
export const hatchet = HatchetClient.init();
