import aurelia from "@aurelia/vite-plugin";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [aurelia()],
  server: { proxy: { "/api": "http://localhost:8080", "/feed": { target: "ws://localhost:8080", ws: true } } },
});
