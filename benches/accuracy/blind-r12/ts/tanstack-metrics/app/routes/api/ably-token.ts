import { createAPIFileRoute } from "@tanstack/react-start/api";
import * as Ably from "ably";

const rest = new Ably.Rest({ key: process.env.ABLY_API_KEY! });

export const APIRoute = createAPIFileRoute("/api/ably-token")({
  GET: async () => {
    const tokenRequest = await rest.auth.createTokenRequest({ capability: { alerts: ["subscribe"], deploys: ["subscribe"] } });
    return Response.json(tokenRequest);
  },
});
