import React from "react";
import ReactDOM from "react-dom/client";
import { ReviewEditor } from "./ReviewEditor";

const docId = new URLSearchParams(location.search).get("doc") ?? "draft";

ReactDOM.createRoot(document.getElementById("root")!).render(
  <React.StrictMode>
    <ReviewEditor docId={docId} />
  </React.StrictMode>,
);
