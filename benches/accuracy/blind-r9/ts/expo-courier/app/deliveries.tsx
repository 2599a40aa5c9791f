import { useEffect, useState } from 'react';
import { AppState, FlatList, Text, View } from 'react-native';
import NetInfo from '@react-native-community/netinfo';
import * as Location from 'expo-location';
import { supabase } from '../lib/supabase';

type Delivery = { id: string; address: string; status: 'assigned' | 'picked_up' | 'delivered' };

export default function DeliveriesScreen({ courierId }: { courierId: string }) {
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [online, setOnline] = useState(true);

  useEffect(() => {
    let cancelled = false;
    supabase
      .from('deliveries')
      .select('id, address, status')
      .eq('courier_id', courierId)
      .then(({ data }) => {
        if (!cancelled && data) setDeliveries(data as Delivery[]);
      });

    const channel = supabase
      .channel(`deliveries:${courierId}`)
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'deliveries', filter: `courier_id=eq.${courierId}` },
        payload => {
          const row = payload.new as Delivery;
          setDeliveries(prev => [row, ...prev.filter(d => d.id !== row.id)]);
        },
      )
      .subscribe();

    return () => {
      cancelled = true;
      supabase.removeChannel(channel);
    };
  }, [courierId]);

  useEffect(() => {
    const unsubscribe = NetInfo.addEventListener(state => setOnline(Boolean(state.isConnected)));
    const appStateSub = AppState.addEventListener('change', next => {
      if (next === 'active') {
        supabase.auth.startAutoRefresh();
      } else {
        supabase.auth.stopAutoRefresh();
      }
    });
    return () => {
      unsubscribe();
      appStateSub.remove();
    };
  }, []);

  useEffect(() => {
    let watcher: Location.LocationSubscription | undefined;
    let stopped = false;
    (async () => {
      const { status } = await Location.requestForegroundPermissionsAsync();
      if (status !== 'granted' || stopped) return;
      watcher = await Location.watchPositionAsync(
        { accuracy: Location.Accuracy.Balanced, timeInterval: 15_000, distanceInterval: 50 },
        pos => {
          supabase.from('courier_positions').upsert({
            courier_id: courierId,
            lat: pos.coords.latitude,
            lng: pos.coords.longitude,
          }).then(({ error }) => error && console.warn(error.message));
        },
      );
      if (stopped) watcher.remove();
    })();

    const heartbeat = setInterval(() => {
      supabase.from('couriers').update({ last_seen_at: new Date().toISOString() }).eq('id', courierId).then(({ error }) => error && console.warn(error.message));
    }, 60_000);

    return () => {
      stopped = true;
      watcher?.remove();
      clearInterval(heartbeat);
    };
  }, [courierId]);

  return (
    <View style={{ flex: 1, padding: 16 }}>
      {!online && <Text style={{ color: 'orange' }}>Offline — changes will sync later</Text>}
      <FlatList
        data={deliveries}
        keyExtractor={d => d.id}
        renderItem={({ item }) => (
          <Text>
            {item.address} · {item.status}
          </Text>
        )}
      />
    </View>
  );
}
