import Jasmine from "jasmine";
import { execSync } from "node:child_process";
import { ResultsReporter } from "./ResultsReporter";

function currentBranch(): string {
  if (process.env.CI_COMMIT_REF_NAME) return process.env.CI_COMMIT_REF_NAME;
  try {
    return execSync("git rev-parse --abbrev-ref HEAD", { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  const runner = new Jasmine({ projectBaseDir: process.cwd() });
  runner.loadConfigFile("spec/support/jasmine.json");
  runner.exitOnCompletion = false;

  runner.configureDefaultReporter({ showColors: !process.env.CI });
  if (process.env.QA_RESULTS_DATABASE_URL) {
    runner.addReporter(new ResultsReporter(process.env.QA_RESULTS_DATABASE_URL, currentBranch()));
  }

  const filter = process.argv[2];
  const result = await runner.execute(undefined, filter);
  console.log(`orders-core specs: ${result.overallStatus}`);
  process.exitCode = result.overallStatus === "passed" ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
