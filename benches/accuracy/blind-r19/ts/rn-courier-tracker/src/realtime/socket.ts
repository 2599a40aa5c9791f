import { Socket } from "phoenix";
import AsyncStorage from "@react-native-async-storage/async-storage";

const WS_URL = "wss://dispatch.example.com/socket";

let token: string | null = null;
export async function loadToken(): Promise<void> {
  token = await AsyncStorage.getItem("courier_token");
}

// One socket for the whole app; screens only join/leave channels on it.
export const socket = new Socket(WS_URL, {
  params: () => ({ token }),
  heartbeatIntervalMs: 20_000,
  reconnectAfterMs: (tries: number) => [1_000, 2_000, 5_000, 10_000][tries - 1] ?? 15_000,
});

export function ensureConnected(): void {
  if (!socket.isConnected()) socket.connect();
}
