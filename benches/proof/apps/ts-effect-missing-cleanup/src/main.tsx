// The page: mounts the feed, unmounts it, N times (a user opening and leaving the chat tab), then
// tells the harness it is done. The query string gives the WebSocket URL and N.
import { createRoot } from "react-dom/client";
import { Feed } from "./Feed";

const params = new URLSearchParams(location.search);
const url = params.get("ws") ?? "ws://127.0.0.1:8080/";
const mounts = Number(params.get("mounts") ?? "20");
const root = createRoot(document.getElementById("root")!);
let step = 0;

function next() {
  if (step >= 2 * mounts) {
    fetch("/done");
    return;
  }
  root.render(step % 2 === 0 ? <Feed url={url} /> : null);
  step += 1;
  setTimeout(next, 100);
}
next();
