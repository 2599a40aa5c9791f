import m from 'mithril';

const TELEMETRY_URL = import.meta.env.VITE_TELEMETRY_WS ?? 'wss://telemetry.plant.local/ws';

export function Dashboard() {
  const machines = new Map();
  let summary = null;
  let narrow = window.innerWidth < 900;
  let ws = null;
  let refreshTimer = null;
  let reconnectTimer = null;
  let removed = false;

  const onResize = () => {
    const next = window.innerWidth < 900;
    if (next !== narrow) {
      narrow = next;
      m.redraw();
    }
  };

  function connect() {
    ws = new WebSocket(TELEMETRY_URL);
    ws.onmessage = (event) => {
      const sample = JSON.parse(event.data);
      machines.set(sample.machineId, sample);
      m.redraw();
    };
    ws.onclose = () => {
      if (!removed) {
        reconnectTimer = setTimeout(connect, 3000);
      }
    };
  }

  async function refreshSummary() {
    summary = await m.request({ method: 'GET', url: '/api/shift-summary', background: false });
  }

  return {
    oncreate() {
      connect();
      refreshSummary();
      refreshTimer = setInterval(refreshSummary, 15000);
      window.addEventListener('resize', onResize);
    },
    onremove() {
      removed = true;
      clearTimeout(reconnectTimer);
      clearInterval(refreshTimer);
      window.removeEventListener('resize', onResize);
      if (ws) {
        ws.onclose = null;
        ws.close(1000, 'view removed');
      }
    },
    view() {
      return m('section.dashboard', { class: narrow ? 'dashboard--narrow' : '' }, [
        summary && m('header.summary', [
          m('span', `OEE ${(summary.oee * 100).toFixed(1)}%`),
          m('span', `Downtime ${summary.downtimeMinutes} min`),
        ]),
        m('.machines', [...machines.values()].map((s) =>
          m('.machine', { key: s.machineId, class: `machine--${s.state}` }, [
            m('h3', s.name),
            m('p', `${s.rate} u/min`),
            m('p', `${s.temperature.toFixed(1)} °C`),
          ]),
        )),
      ]);
    },
  };
}
