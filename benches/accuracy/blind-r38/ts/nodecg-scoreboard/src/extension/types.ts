export type BundleConfig = {
  databaseUrl: string;
  venueRedis: Record<string, string>;
};

export type Scoreboard = {
  matchId: string | null;
  home: { name: string; score: number };
  away: { name: string; score: number };
  period: number;
};

export type ScoreEvent = { matchId: string; venue: string; team: 'home' | 'away'; points: number };
