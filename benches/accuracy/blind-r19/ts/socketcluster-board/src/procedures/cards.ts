import type { AGServerSocket } from "socketcluster-server";
import { Card, Column } from "../models/Card.js";
import { writeAudit } from "../audit/log.js";

interface MoveCardInput {
  cardId: string;
  toColumnId: string;
  position: number;
}

export async function serveMoveCard(socket: AGServerSocket, publish: (ch: string, data: unknown) => void) {
  for await (const request of socket.procedure("card.move")) {
    const input = request.data as MoveCardInput;
    const trx = await Card.startTransaction();
    try {
      const column = await Column.query(trx).findById(input.toColumnId).throwIfNotFound();
      if (column.wipLimit !== null) {
        const { count } = (await Card.query(trx)
          .where("columnId", column.id)
          .count("* as count")
          .first()) as unknown as { count: string };
        if (Number(count) >= column.wipLimit) {
          request.error(new Error(`WIP limit ${column.wipLimit} reached`));
          continue;
        }
      }
      const card = await Card.query(trx).patchAndFetchById(input.cardId, {
        columnId: input.toColumnId,
        position: input.position,
      });
      await trx.commit();
      publish(`board/${card.boardId}`, { type: "card.moved", card });
      await writeAudit({ boardId: card.boardId, actor: socket.authToken?.sub ?? "anon", action: "move", payload: input });
      request.end({ ok: true });
    } catch (err) {
      request.error(err as Error);
    }
  }
}

export async function serveRenameCard(socket: AGServerSocket, publish: (ch: string, data: unknown) => void) {
  for await (const request of socket.procedure("card.rename")) {
    const { cardId, title } = request.data as { cardId: string; title: string };
    try {
      const card = await Card.query().patchAndFetchById(cardId, { title });
      publish(`board/${card.boardId}`, { type: "card.renamed", card });
      request.end({ ok: true });
    } catch (err) {
      request.error(err as Error);
    }
  }
}
