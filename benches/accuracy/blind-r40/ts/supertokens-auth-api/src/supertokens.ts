import supertokens from "supertokens-node";
import Session from "supertokens-node/recipe/session";
import EmailPassword from "supertokens-node/recipe/emailpassword";
import { recordLogin } from "./hooks/login-audit.js";
import { createProfile } from "./db/profiles.js";
import { primaryOrgFor } from "./org/membership.js";

export function initSupertokens(): void {
  supertokens.init({
    framework: "express",
    supertokens: {
      connectionURI: process.env.SUPERTOKENS_URI ?? "http://localhost:3567",
      apiKey: process.env.SUPERTOKENS_API_KEY,
    },
    appInfo: {
      appName: "Ledgerly",
      apiDomain: process.env.API_DOMAIN ?? "http://localhost:4000",
      websiteDomain: process.env.WEBSITE_DOMAIN ?? "http://localhost:3000",
      apiBasePath: "/auth",
      websiteBasePath: "/auth",
    },
    recipeList: [
      EmailPassword.init({
        override: {
          // these overrides run inside SuperTokens' request handling, once per sign-up / sign-in call
          functions: (original) => ({
            ...original,
            signUp: async function (input) {
              const response = await original.signUp(input);
              if (response.status === "OK") {
                await createProfile(response.user.id, input.email, input.tenantId);
              }
              return response;
            },
            signIn: async function (input) {
              const response = await original.signIn(input);
              if (response.status === "OK") {
                await recordLogin(response.user.id, input.tenantId, input.userContext);
              }
              return response;
            },
          }),
        },
      }),
      Session.init({
        override: {
          functions: (original) => ({
            ...original,
            createNewSession: async function (input) {
              const orgId = await primaryOrgFor(input.userId);
              input.accessTokenPayload = { ...input.accessTokenPayload, orgId };
              return original.createNewSession(input);
            },
          }),
        },
      }),
    ],
  });
}
