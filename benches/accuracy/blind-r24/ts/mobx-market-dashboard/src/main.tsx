import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { MarketStore, StoreContext } from "./stores/MarketStore";
import { App } from "./App";

const store = new MarketStore(import.meta.env.VITE_QUOTES_WS ?? "wss://quotes.example.com/stream");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
