import * as Ably from "ably";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";

interface Deploy {
  id: string;
  service: string;
  version: string;
  by: string;
  at: string;
}

export function DeployFeed({ env }: { env: string }) {
  const deploys = useSignal<Deploy[]>([]);
  const client = new Ably.Realtime({ authUrl: "/api/ably-token", clientId: `deploy-feed-${env}` });

  useEffect(() => {
    const channel = client.channels.get(`deploys:${env}`);
    const onDeploy = (msg: Ably.InboundMessage) => {
      deploys.value = [msg.data as Deploy, ...deploys.value].slice(0, 20);
    };
    channel.subscribe("deploy", onDeploy);
    return () => channel.unsubscribe("deploy", onDeploy);
  }, [env]);

  return (
    <ol class="deploys">
      <h3>{env}</h3>
      {deploys.value.map((d) => (
        <li key={d.id}>
          {d.service}@{d.version} by {d.by}
        </li>
      ))}
    </ol>
  );
}
