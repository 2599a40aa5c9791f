import { Icon, MenuBarExtra, open } from "@raycast/api";
import { useFetch } from "@raycast/utils";
import { useEffect, useState } from "react";

type Summary = { running: number; failedToday: number };

export default function Command() {
  const { data, isLoading, revalidate } = useFetch<Summary>("https://deploy.internal.example/api/summary", {
    keepPreviousData: true,
  });
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    setInterval(() => {
      setNow(Date.now());
      revalidate();
    }, 15_000);
  }, []);

  return (
    <MenuBarExtra icon={Icon.Rocket} title={isLoading && !data ? "…" : String(data?.running ?? 0)} isLoading={isLoading}>
      <MenuBarExtra.Item title={`Failed today: ${data?.failedToday ?? 0}`} />
      <MenuBarExtra.Item title={`Updated ${new Date(now).toLocaleTimeString()}`} />
      <MenuBarExtra.Item
        title="Open deploy dashboard"
        onAction={() => open("https://deploy.internal.example/deploys")}
      />
    </MenuBarExtra>
  );
}
