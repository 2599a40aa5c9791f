import { defineConfig } from "vitest/config";
import FlakeReporter from "./reporters/flake-reporter";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // developers run `vitest` (watch mode) all day; the reporter instance lives
    // as long as the watcher and sees every re-run
    reporters: ["default", new FlakeReporter({ project: "checkout-pricing" })],
  },
});
