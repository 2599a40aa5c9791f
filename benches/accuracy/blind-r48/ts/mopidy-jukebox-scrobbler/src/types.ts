export interface MopidyArtist {
  name: string;
}

export interface MopidyTrack {
  uri: string;
  name: string;
  length?: number;
  artists?: MopidyArtist[];
  album?: { name: string };
}

export interface TlTrack {
  tlid: number;
  track: MopidyTrack;
}

export function artistOf(track: MopidyTrack): string {
  return (track.artists ?? []).map((a) => a.name).join(', ') || 'Unknown artist';
}
