import { PanelPlugin } from '@grafana/data';
import { LineHealthPanel } from './components/LineHealthPanel';
import type { LineHealthOptions } from './types';

export const plugin = new PanelPlugin<LineHealthOptions>(LineHealthPanel).setPanelOptions((builder) =>
  builder
    .addTextInput({
      path: 'channel',
      name: 'Live channel path',
      description: 'Grafana Live stream path published by the line collector',
      defaultValue: 'line-health/press-shop',
    })
    .addTextInput({
      path: 'gatewayUrl',
      name: 'PLC gateway websocket',
      defaultValue: 'wss://plc-gw.plant.acme.io/alarms',
    })
    .addNumberInput({
      path: 'staleAfterSeconds',
      name: 'Mark stale after (s)',
      defaultValue: 30,
    })
    .addBooleanSwitch({
      path: 'pauseWhenHidden',
      name: 'Pause when tab hidden',
      defaultValue: true,
    }),
);
