import { useEffect, useState } from 'react';
import { get as listOrders, post as refundOrder } from '@api/lambda/orders';

type Orders = Awaited<ReturnType<typeof listOrders>>;

export default function OrdersPage() {
  const [status, setStatus] = useState('open');
  const [orders, setOrders] = useState<Orders>([]);

  useEffect(() => {
    let cancelled = false;
    listOrders({ query: { status } }).then((rows) => {
      if (!cancelled) setOrders(rows);
    });
    return () => {
      cancelled = true;
    };
  }, [status]);

  const refund = async (orderId: string, amountCents: number) => {
    await refundOrder({ data: { orderId, amountCents, reason: 'customer request' } });
    setOrders(await listOrders({ query: { status } }));
  };

  return (
    <main>
      <select value={status} onChange={(e) => setStatus(e.target.value)}>
        <option value="open">Open</option>
        <option value="shipped">Shipped</option>
      </select>
      <table>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td>{o.id}</td>
              <td>{o.customer}</td>
              <td>{(o.total_cents / 100).toFixed(2)}</td>
              <td>{o.shipment?.tracking_no ?? '-'}</td>
              <td>
                <button onClick={() => refund(o.id, o.total_cents)}>Refund</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
