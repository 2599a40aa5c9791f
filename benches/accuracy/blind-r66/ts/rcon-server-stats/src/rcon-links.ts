import { Rcon } from 'rcon-client';

export interface ServerConf {
  id: string;
  host: string;
  port: number;
}

// One long-lived RCON link per configured game server (fixed list from
// config/servers.json). A link is dropped from the map when the server
// closes it, and re-opened on the next poll.
const links = new Map<string, Promise<Rcon>>();

export function linkFor(server: ServerConf): Promise<Rcon> {
  let link = links.get(server.id);
  if (!link) {
    link = Rcon.connect({
      host: server.host,
      port: server.port,
      password: process.env.RCON_PASSWORD ?? '',
      timeout: 5_000,
    }).then((rcon) => {
      rcon.on('end', () => links.delete(server.id));
      rcon.on('error', () => links.delete(server.id));
      return rcon;
    });
    link.catch(() => links.delete(server.id));
    links.set(server.id, link);
  }
  return link;
}

export async function closeAll(): Promise<void> {
  const open = [...links.values()];
  links.clear();
  await Promise.allSettled(open.map(async (l) => (await l).end()));
}
