import PouchDB from "pouchdb";
import { dispatch } from "./handlers/index.js";
import type { FieldDoc } from "./types.js";

// The tablets replicate into this CouchDB database; we follow its changes feed
// and fan each changed document out to the reporting stores.
const remote = new PouchDB<FieldDoc>(process.env.COUCH_URL ?? "http://localhost:5984/field", {
  auth: { username: process.env.COUCH_USER ?? "", password: process.env.COUCH_PASSWORD ?? "" },
});

function follow(since: string | number): void {
  const feed = remote.changes({ since, live: true, include_docs: true, heartbeat: 10000 });

  feed.on("change", (change) => {
    if (!change.doc || change.deleted) return;
    dispatch(change.doc).catch((err) => {
      console.error(`failed to sync ${change.id}@${change.seq}`, err);
    });
  });

  feed.on("error", (err) => {
    console.error("changes feed failed, resuming in 5s", err);
    setTimeout(() => follow("now"), 5000);
  });
}

process.on("SIGTERM", () => {
  void remote.close().finally(() => process.exit(0));
});

follow(process.env.SINCE ?? "now");
