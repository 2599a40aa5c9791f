import { useEffect, useState } from 'react';
import mqtt from 'mqtt';

type Alarm = { robotId: string; code: string; message: string; at: string };

const BROKER_URL = import.meta.env.VITE_MQTT_WS_URL ?? 'wss://mqtt.acme-robotics.io:8884/mqtt';

export function TelemetryHud({ depotId }: { depotId: string }) {
  const [alarms, setAlarms] = useState<Alarm[]>([]);
  const [chargeLoad, setChargeLoad] = useState<number | null>(null);

  const client = mqtt.connect(BROKER_URL, {
    clientId: `hud-${depotId}-${Math.random().toString(16).slice(2, 8)}`,
    username: import.meta.env.VITE_MQTT_USER,
    password: import.meta.env.VITE_MQTT_TOKEN,
    reconnectPeriod: 2000,
  });

  useEffect(() => {
    const alarmTopic = `depots/${depotId}/alarms`;
    const loadTopic = `depots/${depotId}/chargers/load`;
    const onMessage = (topic: string, payload: Uint8Array) => {
      const text = new TextDecoder().decode(payload);
      if (topic === alarmTopic) {
        setAlarms((prev) => [JSON.parse(text) as Alarm, ...prev].slice(0, 20));
      } else if (topic === loadTopic) {
        setChargeLoad(Number(text));
      }
    };
    client.subscribe([alarmTopic, loadTopic], { qos: 1 });
    client.on('message', onMessage);
    return () => {
      client.off('message', onMessage);
      client.unsubscribe([alarmTopic, loadTopic]);
    };
  }, [client, depotId]);

  return (
    <aside className="hud">
      <h2>Depot {depotId}</h2>
      <p>Charger load: {chargeLoad === null ? '—' : `${chargeLoad.toFixed(1)} kW`}</p>
      <ul>
        {alarms.map((a) => (
          <li key={`${a.robotId}-${a.at}`} className="alarm">
            <strong>{a.robotId}</strong> {a.code}: {a.message}
          </li>
        ))}
      </ul>
    </aside>
  );
}
