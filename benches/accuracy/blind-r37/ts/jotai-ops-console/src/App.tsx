import { Provider } from "jotai";
import { opsStore } from "./atoms";
import { AlertList } from "./components/AlertList";
import { CriticalTitle } from "./components/CriticalTitle";
import { DeployLog } from "./components/DeployLog";

export default function App() {
  const deployId = new URLSearchParams(location.search).get("deploy");
  return (
    <Provider store={opsStore}>
      <CriticalTitle />
      <AlertList />
      {deployId && <DeployLog deployId={deployId} />}
    </Provider>
  );
}
