import * as rclnodejs from 'rclnodejs';
import { pool, closeDb } from './db';
import { makeBatteryHandler } from './battery';
import { makeSnapshotService } from './snapshot';

const ROBOT_ID = process.env.ROBOT_ID ?? 'amr-01';

interface OdometryMsg {
  pose: { pose: { position: { x: number; y: number }; orientation: { z: number; w: number } } };
}

async function main(): Promise<void> {
  await rclnodejs.init();
  const node = new rclnodejs.Node('dock_recorder', `/${ROBOT_ID.replace('-', '_')}`);

  let pose = { x: 0, y: 0, theta: 0 };
  let odomCount = 0;

  node.createSubscription('nav_msgs/msg/Odometry', 'odom', (msg: OdometryMsg) => {
    const p = msg.pose.pose;
    pose = {
      x: p.position.x,
      y: p.position.y,
      theta: 2 * Math.atan2(p.orientation.z, p.orientation.w),
    };
    if (++odomCount % 50 === 0) {
      pool
        .query('UPDATE robots SET x = $1, y = $2, theta = $3, updated_at = now() WHERE id = $4', [
          pose.x,
          pose.y,
          pose.theta,
          ROBOT_ID,
        ])
        .catch((err) => node.getLogger().error(`odom write failed: ${err.message}`));
    }
  });

  const onBattery = makeBatteryHandler(ROBOT_ID);
  node.createSubscription('sensor_msgs/msg/BatteryState', 'battery_state', (msg: any) => {
    onBattery(msg).catch((err) => node.getLogger().error(`battery handler: ${err.message}`));
  });

  const snapshot = makeSnapshotService(ROBOT_ID, () => pose);
  node.createService('std_srvs/srv/Trigger', 'take_dock_snapshot', (req: any, res: any) => {
    snapshot(req, res).catch((err) => {
      node.getLogger().error(`snapshot failed: ${err.message}`);
      const result = res.template;
      result.success = false;
      result.message = err.message;
      res.send(result);
    });
  });

  const shutdown = async () => {
    node.destroy();
    rclnodejs.shutdown();
    await closeDb();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  node.spin();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
