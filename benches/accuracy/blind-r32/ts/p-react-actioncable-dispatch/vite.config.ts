import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/cable": { target: "ws://localhost:3000", ws: true } } },
});
