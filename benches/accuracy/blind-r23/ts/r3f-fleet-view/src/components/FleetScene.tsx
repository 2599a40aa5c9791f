import { useEffect, useRef, useState } from 'react';
import { useFrame } from '@react-three/fiber';
import { Html } from '@react-three/drei';
import * as THREE from 'three';

type Robot = { id: string; x: number; z: number; heading: number; battery: number; state: 'idle' | 'moving' | 'charging' | 'fault' };

const STATE_COLOR: Record<Robot['state'], string> = {
  idle: '#9ca3af',
  moving: '#22c55e',
  charging: '#3b82f6',
  fault: '#ef4444',
};

function RobotMesh({ robot }: { robot: Robot }) {
  const ref = useRef<THREE.Mesh>(null);
  const target = useRef(new THREE.Vector3(robot.x, 0.5, robot.z));
  target.current.set(robot.x, 0.5, robot.z);

  // Smoothly interpolate towards the last reported position every frame.
  useFrame((_, delta) => {
    if (!ref.current) return;
    ref.current.position.lerp(target.current, Math.min(1, delta * 6));
    ref.current.rotation.y = THREE.MathUtils.lerp(ref.current.rotation.y, robot.heading, delta * 4);
  });

  return (
    <mesh ref={ref} castShadow>
      <boxGeometry args={[1.6, 0.8, 1.2]} />
      <meshStandardMaterial color={STATE_COLOR[robot.state]} />
      {robot.state === 'fault' && (
        <Html center distanceFactor={30}>
          <span className="fault-tag">{robot.id}</span>
        </Html>
      )}
    </mesh>
  );
}

export function FleetScene({ depotId }: { depotId: string }) {
  const [robots, setRobots] = useState<Record<string, Robot>>({});

  useEffect(() => {
    const ws = new WebSocket(`wss://fleet.acme-robotics.io/depots/${depotId}/positions`);
    ws.onmessage = (ev) => {
      const batch: Robot[] = JSON.parse(ev.data);
      setRobots((prev) => {
        const next = { ...prev };
        for (const r of batch) next[r.id] = r;
        return next;
      });
    };
    ws.onerror = () => console.warn('position stream error');
  }, [depotId]);

  return (
    <group>
      {Object.values(robots).map((r) => (
        <RobotMesh key={r.id} robot={r} />
      ))}
    </group>
  );
}
