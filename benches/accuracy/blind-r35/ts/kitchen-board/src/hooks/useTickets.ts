import { useEffect, useState } from 'react';
import { gql } from '../gql';

export interface Ticket {
  id: string;
  table: string;
  items: string[];
  firedAt: string;
  status: 'NEW' | 'COOKING' | 'READY';
}

const TICKETS = /* GraphQL */ `
  subscription Tickets($station: ID!) {
    tickets(station: $station) { id table items firedAt status }
  }
`;

export function useTickets(station: string): Ticket[] {
  const [tickets, setTickets] = useState<Ticket[]>([]);

  useEffect(
    () =>
      gql.subscribe<{ tickets: Ticket[] }>(
        { query: TICKETS, variables: { station } },
        {
          next: ({ data }) => data && setTickets(data.tickets),
          error: (err) => console.error('ticket subscription', err),
          complete: () => {},
        },
      ),
    [station],
  );

  return tickets;
}
