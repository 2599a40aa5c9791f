import React, { useEffect, useState } from "react";
import { ActivityIndicator, SafeAreaView, Text } from "react-native";
import { ensureConnected, loadToken, socket } from "./realtime/socket";
import { ActiveOrderScreen } from "./screens/ActiveOrderScreen";

export default function App() {
  const [ready, setReady] = useState(false);
  const [orderId, setOrderId] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadToken().then(() => {
      if (cancelled) return;
      ensureConnected();
      setReady(true);
    });
    return () => {
      cancelled = true;
      socket.disconnect();
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    const courier = socket.channel("courier:me", {});
    courier.on("assigned", ({ orderId: id }: { orderId: string }) => setOrderId(id));
    courier.join();
    return () => {
      courier.leave();
    };
  }, [ready]);

  if (!ready) return <ActivityIndicator style={{ marginTop: 80 }} />;
  return (
    <SafeAreaView style={{ flex: 1 }}>
      {orderId ? <ActiveOrderScreen orderId={orderId} /> : <Text style={{ padding: 16 }}>No active order</Text>}
    </SafeAreaView>
  );
}
