import neo4j from 'neo4j-driver';
import type { Deps } from '../dispatch.js';
import { notifyPartner, partnerClient } from '../lib/partners.js';

export interface OrderPlaced {
  orderId: string;
  customerId: string;
  skus: string[];
  placedAt: string;
  partnerOrigin?: string;
}

export async function onOrderPlaced(evt: OrderPlaced, { driver }: Deps): Promise<void> {
  const session = driver.session({ database: 'shop', defaultAccessMode: neo4j.session.WRITE });

  await session.executeWrite((tx) =>
    tx.run(
      `MERGE (c:Customer {id: $customerId})
       WITH c
       UNWIND $skus AS sku
       MERGE (p:Product {sku: sku})
       MERGE (c)-[b:BOUGHT {orderId: $orderId}]->(p)
         ON CREATE SET b.at = datetime($placedAt)`,
      { customerId: evt.customerId, skus: evt.skus, orderId: evt.orderId, placedAt: evt.placedAt },
    ),
  );

  if (evt.partnerOrigin) {
    const partner = partnerClient(evt.partnerOrigin);
    await notifyPartner(partner, '/hooks/order-placed', { orderId: evt.orderId, skus: evt.skus });
  }
}
