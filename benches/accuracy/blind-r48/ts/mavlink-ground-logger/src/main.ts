import { SerialPort } from 'serialport';
import {
  MavLinkPacketSplitter,
  MavLinkPacketParser,
  MavLinkPacket,
  minimal,
  common,
  ardupilotmega,
} from 'node-mavlink';
import { onGlobalPosition, onSysStatus } from './telemetry.js';
import { startFlight, endFlight, onMissionItemReached } from './missions.js';
import { onStatusText } from './statustext.js';

const VEHICLE = process.env.VEHICLE_ID ?? 'hexa-07';

const REGISTRY = {
  ...minimal.REGISTRY,
  ...common.REGISTRY,
  ...ardupilotmega.REGISTRY,
};

type Handler = (flightId: string, data: any) => Promise<void>;

const handlers: Record<number, Handler> = {
  [common.GlobalPositionInt.MSG_ID]: onGlobalPosition,
  [common.SysStatus.MSG_ID]: onSysStatus,
  [common.MissionItemReached.MSG_ID]: onMissionItemReached,
  [common.StatusText.MSG_ID]: (_flightId, data) => onStatusText(VEHICLE, data),
};

async function main(): Promise<void> {
  const port = new SerialPort({
    path: process.env.MAVLINK_DEVICE ?? '/dev/ttyAMA0',
    baudRate: Number(process.env.MAVLINK_BAUD ?? 921600),
  });

  const reader = port.pipe(new MavLinkPacketSplitter()).pipe(new MavLinkPacketParser());

  let flightId: string | null = null;
  let armed = false;

  reader.on('data', (packet: MavLinkPacket) => {
    const clazz = (REGISTRY as Record<number, any>)[packet.header.msgid];
    if (!clazz) return;
    const data = packet.protocol.data(packet.payload, clazz);

    if (packet.header.msgid === minimal.Heartbeat.MSG_ID) {
      const nowArmed = (data.baseMode & minimal.MavModeFlag.SAFETY_ARMED) !== 0;
      if (nowArmed && !armed) {
        startFlight(VEHICLE).then((id) => (flightId = id)).catch(console.error);
      } else if (!nowArmed && armed && flightId) {
        endFlight(flightId).catch(console.error);
        flightId = null;
      }
      armed = nowArmed;
      return;
    }

    const handler = handlers[packet.header.msgid];
    if (!handler) return;
    if (!flightId && packet.header.msgid !== common.StatusText.MSG_ID) return;
    handler(flightId ?? '', data).catch((err) =>
      console.error(`handler ${clazz.MSG_NAME} failed:`, err),
    );
  });

  port.on('error', (err) => {
    console.error('serial error', err);
    process.exit(1);
  });
}

main();
