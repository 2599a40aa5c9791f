import type { WriteTransaction } from 'replicache';

export interface Card {
  id: string;
  title: string;
  column: 'todo' | 'doing' | 'done';
  order: number;
  archived?: boolean;
}

export const mutators = {
  async createCard(tx: WriteTransaction, card: Card) {
    await tx.set(`card/${card.id}`, card);
  },
  async archiveCard(tx: WriteTransaction, id: string) {
    const card = (await tx.get(`card/${id}`)) as Card | undefined;
    if (card) await tx.set(`card/${id}`, { ...card, archived: true });
  },
};
