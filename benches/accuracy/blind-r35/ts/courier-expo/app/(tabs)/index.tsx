import { useCallback, useEffect, useState } from 'react';
import { AppState, FlatList, Text, View, RefreshControl } from 'react-native';
import NetInfo from '@react-native-community/netinfo';

type Order = { id: string; address: string; status: string };

const COURIER_ID = 'c-102';

export default function RouteScreen() {
  const [orders, setOrders] = useState<Order[]>([]);
  const [online, setOnline] = useState(true);
  const [loading, setLoading] = useState(false);

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      const res = await fetch(`/api/orders?courier=${COURIER_ID}`);
      const json = (await res.json()) as { orders: Order[] };
      setOrders(json.orders);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 60_000);
    return () => clearInterval(timer);
  }, [refresh]);

  useEffect(() => {
    AppState.addEventListener('change', (state) => {
      if (state === 'active') refresh();
    });
  }, [refresh]);

  useEffect(() => {
    NetInfo.addEventListener((state) => {
      setOnline(Boolean(state.isConnected));
    });
  }, []);

  return (
    <View style={{ flex: 1 }}>
      {!online && <Text style={{ backgroundColor: '#fdd', padding: 8 }}>Offline — showing cached route</Text>}
      <FlatList
        data={orders}
        keyExtractor={(o) => o.id}
        refreshControl={<RefreshControl refreshing={loading} onRefresh={refresh} />}
        renderItem={({ item }) => (
          <Text style={{ padding: 12 }}>
            {item.address} · {item.status}
          </Text>
        )}
      />
    </View>
  );
}
