import postgres from 'postgres';
import { WebSocketServer } from 'ws';
import { createMergeableStore } from 'tinybase';
import { createPostgresPersister } from 'tinybase/persisters/persister-postgres';
import { createWsServer } from 'tinybase/synchronizers/synchronizer-ws-server';
import { boardIdFromPath, touchBoard } from './boards.js';

const port = Number(process.env.PORT ?? 8048);
const wss = new WebSocketServer({ port });

// TinyBase calls this whenever a path gets its first client, and destroys
// the persister again once the last client on that path has gone.
const server = createWsServer(wss, async (pathId) => {
  const boardId = boardIdFromPath(pathId);
  if (!boardId) return undefined;

  await touchBoard(boardId);

  const boardSql = postgres(process.env.BOARDS_DATABASE_URL!, { max: 2 });
  const persister = await createPostgresPersister(
    createMergeableStore(),
    boardSql,
    { mode: 'json', storeTableName: `board_${boardId.replaceAll('-', '_')}` },
  );
  return persister;
});

server.addClientIdsListener(null, (srv, pathId, clientId, addedOrRemoved) => {
  console.log(`${pathId}: client ${clientId} ${addedOrRemoved > 0 ? 'joined' : 'left'}`);
});

process.on('SIGTERM', () => {
  server.destroy();
  wss.close();
});

console.log(`board sync listening on ws://0.0.0.0:${port}`);
