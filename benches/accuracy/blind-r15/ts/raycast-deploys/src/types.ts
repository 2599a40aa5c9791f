export interface Preferences {
  tursoUrl: string;
  tursoToken: string;
  eventsUrl: string;
}

export type Deploy = {
  id: string;
  service: string;
  sha: string;
  status: "queued" | "running" | "succeeded" | "failed";
  started_at: string;
};
