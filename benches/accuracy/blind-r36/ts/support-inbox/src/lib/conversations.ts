import { Client } from "@twilio/conversations";

let clientPromise: Promise<Client> | null = null;

async function fetchToken(): Promise<string> {
  const res = await fetch("/api/twilio/token", { credentials: "include" });
  if (!res.ok) throw new Error(`token endpoint returned ${res.status}`);
  const { token } = await res.json();
  return token;
}

// One Conversations client for the whole tab, created on first use.
export function getConversationsClient(): Promise<Client> {
  if (!clientPromise) {
    clientPromise = fetchToken().then(
      (token) =>
        new Promise<Client>((resolve, reject) => {
          const client = new Client(token);
          client.on("stateChanged", (state) => {
            if (state === "initialized") resolve(client);
            if (state === "failed") reject(new Error("conversations client failed to initialise"));
          });
          client.on("tokenAboutToExpire", async () => {
            await client.updateToken(await fetchToken());
          });
        }),
    );
    clientPromise.catch(() => {
      clientPromise = null;
    });
  }
  return clientPromise;
}
