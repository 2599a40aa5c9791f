import { Action, ActionPanel, Color, Icon, List, getPreferenceValues, showToast, Toast } from "@raycast/api";
import { createClient } from "@libsql/client";
import { useEffect, useState } from "react";
import WebSocket from "ws";
import { Deploy, Preferences } from "./types";

const statusIcon: Record<Deploy["status"], { source: Icon; tintColor: Color }> = {
  queued: { source: Icon.Clock, tintColor: Color.SecondaryText },
  running: { source: Icon.CircleProgress50, tintColor: Color.Blue },
  succeeded: { source: Icon.CheckCircle, tintColor: Color.Green },
  failed: { source: Icon.XMarkCircle, tintColor: Color.Red },
};

export default function Command() {
  const prefs = getPreferenceValues<Preferences>();
  const db = createClient({ url: prefs.tursoUrl, authToken: prefs.tursoToken });
  const [deploys, setDeploys] = useState<Deploy[]>([]);
  const [isLoading, setIsLoading] = useState(true);
  const [service, setService] = useState<string>("all");

  useEffect(() => {
    setIsLoading(true);
    const sql =
      service === "all"
        ? { sql: "select * from deploys order by started_at desc limit 50", args: [] }
        : { sql: "select * from deploys where service = ? order by started_at desc limit 50", args: [service] };
    db.execute(sql)
      .then((rs) => setDeploys(rs.rows as unknown as Deploy[]))
      .catch((e) => showToast({ style: Toast.Style.Failure, title: "Query failed", message: String(e) }))
      .finally(() => setIsLoading(false));
  }, [service]);

  useEffect(() => {
    const ws = new WebSocket(prefs.eventsUrl);
    ws.on("message", (raw) => {
      const evt = JSON.parse(raw.toString()) as Partial<Deploy> & { id: string };
      setDeploys((prev) => prev.map((d) => (d.id === evt.id ? { ...d, ...evt } : d)));
    });
    ws.on("error", (err) => showToast({ style: Toast.Style.Failure, title: "Event stream", message: err.message }));
  }, []);

  return (
    <List
      isLoading={isLoading}
      searchBarAccessory={
        <List.Dropdown tooltip="Service" onChange={setService}>
          <List.Dropdown.Item title="All services" value="all" />
          <List.Dropdown.Item title="api" value="api" />
          <List.Dropdown.Item title="web" value="web" />
          <List.Dropdown.Item title="billing" value="billing" />
        </List.Dropdown>
      }
    >
      {deploys.map((d) => (
        <List.Item
          key={d.id}
          icon={statusIcon[d.status]}
          title={d.service}
          subtitle={d.sha.slice(0, 8)}
          accessories={[{ date: new Date(d.started_at) }]}
          actions={
            <ActionPanel>
              <Action.OpenInBrowser url={`https://deploy.internal.example/deploys/${d.id}`} />
              <Action.CopyToClipboard title="Copy SHA" content={d.sha} />
            </ActionPanel>
          }
        />
      ))}
    </List>
  );
}
