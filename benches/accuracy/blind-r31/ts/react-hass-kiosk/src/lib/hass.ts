import { createConnection, createLongLivedTokenAuth, type Connection } from "home-assistant-js-websocket";

const HASS_URL = import.meta.env.VITE_HASS_URL as string;
const HASS_TOKEN = import.meta.env.VITE_HASS_TOKEN as string;

let connectionPromise: Promise<Connection> | null = null;

// One websocket for the whole kiosk; the library reconnects on its own.
export function getHass(): Promise<Connection> {
  if (!connectionPromise) {
    const auth = createLongLivedTokenAuth(HASS_URL, HASS_TOKEN);
    connectionPromise = createConnection({ auth });
  }
  return connectionPromise;
}
