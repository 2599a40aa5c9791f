import { makeExecutableSchema } from "@graphql-tools/schema";
import { aql, type Database } from "arangojs";
import type { Loaders } from "./loaders.js";

export interface Context {
  tenantId: string;
  db: Database;
  loaders: Loaders;
}

const typeDefs = /* GraphQL */ `
  type Carrier { id: ID!, name: String!, trackingUrl: String! }
  type Shipment { id: ID!, reference: String!, status: String!, carrier: Carrier, notes: [String!]! }
  type Query { shipments(status: String, first: Int = 50): [Shipment!]! }
  type Mutation { addNote(shipmentId: ID!, note: String!): Shipment! }
`;

interface ShipmentDoc {
  _key: string;
  reference: string;
  status: string;
  carrierKey?: string;
  notes?: string[];
}

export const schema = makeExecutableSchema<Context>({
  typeDefs,
  resolvers: {
    Query: {
      shipments: async (_: unknown, args: { status?: string; first: number }, ctx: Context) => {
        const cursor = await ctx.db.query<ShipmentDoc>(aql`
          FOR s IN shipments
            FILTER ${args.status ?? null} == null OR s.status == ${args.status ?? null}
            SORT s.createdAt DESC
            LIMIT ${Math.min(args.first, 200)}
            RETURN s
        `);
        return cursor.all();
      },
    },
    Mutation: {
      addNote: async (_: unknown, args: { shipmentId: string; note: string }, ctx: Context) => {
        const cursor = await ctx.db.query<ShipmentDoc>(aql`
          UPDATE ${args.shipmentId} WITH { notes: PUSH(DOCUMENT(shipments, ${args.shipmentId}).notes || [], ${args.note}) }
          IN shipments RETURN NEW
        `);
        return cursor.next();
      },
    },
    Shipment: {
      id: (s: ShipmentDoc) => s._key,
      notes: (s: ShipmentDoc) => s.notes ?? [],
      carrier: (s: ShipmentDoc, _: unknown, ctx: Context) => (s.carrierKey ? ctx.loaders.carrier.load(s.carrierKey) : null),
    },
    Carrier: {
      id: (c: { _key: string }) => c._key,
    },
  },
});
