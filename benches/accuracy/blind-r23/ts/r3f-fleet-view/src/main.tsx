import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Canvas } from '@react-three/fiber';
import { OrbitControls, Grid } from '@react-three/drei';
import { FleetScene } from './components/FleetScene';
import { TelemetryHud } from './components/TelemetryHud';
import { useViewport } from './hooks/useViewport';

function App() {
  const { width, compact } = useViewport();
  return (
    <div className="app">
      <Canvas camera={{ position: [0, 40, 60], fov: 50 }} dpr={compact ? 1 : [1, 2]}>
        <ambientLight intensity={0.4} />
        <directionalLight position={[20, 40, 10]} intensity={1.1} />
        <Grid args={[200, 200]} cellSize={5} fadeDistance={180} />
        <FleetScene depotId="ams-01" />
        <OrbitControls makeDefault maxPolarAngle={Math.PI / 2.1} />
      </Canvas>
      {width > 720 && <TelemetryHud depotId="ams-01" />}
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
