import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App";

const token = localStorage.getItem("inbox-token") ?? "";
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App token={token} teamId={import.meta.env.VITE_TEAM_ID} />
  </StrictMode>
);
