import { registerServiceAction } from "./plop/register-service.js";
import { seedParametersAction } from "./plop/seed-parameters.js";

/** @param {import('plop').NodePlopAPI} plop */
export default function (plop) {
  // custom action types; plop runs each one once per `plop service` invocation
  plop.setActionType("registerService", registerServiceAction);
  plop.setActionType("seedParameters", seedParametersAction);

  plop.setGenerator("service", {
    description: "Scaffold a new backend service and register it in the service catalog",
    prompts: [
      { type: "input", name: "name", message: "Service name (kebab-case)" },
      { type: "input", name: "owner", message: "Owning team" },
      { type: "list", name: "tier", message: "Tier", choices: ["tier-1", "tier-2", "tier-3"] },
    ],
    actions: [
      { type: "add", path: "services/{{kebabCase name}}/package.json", templateFile: "templates/package.json.hbs" },
      { type: "add", path: "services/{{kebabCase name}}/src/index.ts", templateFile: "templates/index.ts.hbs" },
      { type: "registerService" },
      { type: "seedParameters", environments: ["staging", "production"] },
    ],
  });
}
