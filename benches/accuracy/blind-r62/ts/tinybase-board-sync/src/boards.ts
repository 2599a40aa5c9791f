import postgres from 'postgres';

// Control-plane connection for board metadata (module-level, shared).
export const sql = postgres(process.env.BOARDS_DATABASE_URL!, { max: 4 });

export class BoardClosedError extends Error {}

/** Marks a board as opened and refuses archived ones. */
export async function touchBoard(boardId: string): Promise<void> {
  const conn = await sql.reserve();
  const [board] = await conn`
    SELECT archived_at FROM boards WHERE id = ${boardId}
  `;
  if (!board || board.archived_at) {
    throw new BoardClosedError(`board ${boardId} is archived or unknown`);
  }
  await conn`UPDATE boards SET last_opened_at = now() WHERE id = ${boardId}`;
  conn.release();
}

export function boardIdFromPath(pathId: string): string | null {
  const m = /^boards\/([0-9a-f-]{36})$/.exec(pathId);
  return m ? m[1] : null;
}
