import { useEffect, useState } from "react";
import { subscribeEntities, type HassEntities } from "home-assistant-js-websocket";
import { getHass } from "../lib/hass";

export function EntityGrid({ domain }: { domain: string }) {
  const [entities, setEntities] = useState<HassEntities>({});

  useEffect(() => {
    getHass().then((conn) => {
      subscribeEntities(conn, (all) => {
        const filtered: HassEntities = {};
        for (const [id, state] of Object.entries(all)) {
          if (id.startsWith(`${domain}.`)) filtered[id] = state;
        }
        setEntities(filtered);
      });
    });
  }, [domain]);

  return (
    <div className="grid">
      {Object.values(entities).map((e) => (
        <div key={e.entity_id} className={`tile tile-${e.state}`}>
          <span className="name">{String(e.attributes.friendly_name ?? e.entity_id)}</span>
          <span className="state">{e.state}</span>
        </div>
      ))}
    </div>
  );
}
