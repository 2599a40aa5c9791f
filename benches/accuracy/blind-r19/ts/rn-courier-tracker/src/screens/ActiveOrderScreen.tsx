import React, { useEffect, useState } from "react";
import { AppState, Button, Keyboard, StyleSheet, Text, TextInput, View, type AppStateStatus } from "react-native";
import NetInfo, { type NetInfoState } from "@react-native-community/netinfo";
import Geolocation from "@react-native-community/geolocation";
import { useOrderChannel } from "../hooks/useOrderChannel";

export function ActiveOrderScreen({ orderId }: { orderId: string }) {
  const { status, channel } = useOrderChannel(orderId);
  const [net, setNet] = useState<NetInfoState | null>(null);
  const [appState, setAppState] = useState<AppStateStatus>(AppState.currentState);
  const [keyboardOpen, setKeyboardOpen] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [note, setNote] = useState("");

  useEffect(() => NetInfo.addEventListener(setNet), []);

  useEffect(() => {
    const sub = AppState.addEventListener("change", setAppState);
    return () => sub.remove();
  }, []);

  useEffect(() => {
    const show = Keyboard.addListener("keyboardDidShow", () => setKeyboardOpen(true));
    const hide = Keyboard.addListener("keyboardDidHide", () => setKeyboardOpen(false));
    return () => {
      show.remove();
      hide.remove();
    };
  }, []);

  useEffect(() => {
    const t = setInterval(() => setElapsed((s) => s + 1), 1000);
    return () => clearInterval(t);
  }, []);

  useEffect(() => {
    if (!channel || appState !== "active") return;
    const watchId = Geolocation.watchPosition(
      (pos) => channel.push("location", { lat: pos.coords.latitude, lng: pos.coords.longitude }),
      (err) => console.warn("gps", err.message),
      { enableHighAccuracy: true, distanceFilter: 25 },
    );
    return () => Geolocation.clearWatch(watchId);
  }, [channel, appState]);

  return (
    <View style={styles.root}>
      <Text style={styles.title}>Order {orderId}</Text>
      <Text>Status: {status?.status ?? "waiting for dispatch…"}</Text>
      <Text>On shift: {Math.floor(elapsed / 60)} min</Text>
      {net && !net.isConnected && <Text style={styles.offline}>Offline — updates will resume</Text>}
      {!keyboardOpen && status?.note && <Text>Note: {status.note}</Text>}
      <TextInput value={note} onChangeText={setNote} placeholder="Message dispatch" style={styles.input} />
      <Button
        title="Send"
        disabled={!channel || !note}
        onPress={() => {
          channel?.push("note", { text: note });
          setNote("");
        }}
      />
      <Button title="Picked up" disabled={!channel} onPress={() => channel?.push("picked_up", {})} />
    </View>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1, padding: 16, gap: 8 },
  title: { fontSize: 20, fontWeight: "600" },
  offline: { color: "#b00020" },
  input: { borderWidth: 1, borderColor: "#ccc", borderRadius: 6, padding: 8 },
});
