import { gql, useQuery, useSubscription } from '@apollo/client';
import { useEffect } from 'react';
import { ui } from '../state';

const RECENT_ORDERS = gql`
  query RecentOrders {
    recentOrders(limit: 25) { id number totalCents status }
  }
`;

const ORDER_CREATED = gql`
  subscription OrderCreated {
    orderCreated { id number totalCents status }
  }
`;

const ALERT_RAISED = gql`
  subscription AlertRaised {
    alertRaised { id severity message }
  }
`;

type Order = { id: string; number: string; totalCents: number; status: string };

export function LiveOrders() {
  const { data, subscribeToMore } = useQuery<{ recentOrders: Order[] }>(RECENT_ORDERS);

  useEffect(
    () =>
      subscribeToMore<{ orderCreated: Order }>({
        document: ORDER_CREATED,
        updateQuery: (prev, { subscriptionData }) => ({
          recentOrders: [subscriptionData.data.orderCreated, ...prev.recentOrders].slice(0, 25),
        }),
      }),
    [subscribeToMore],
  );

  // useSubscription stops its own subscription when the component unmounts.
  useSubscription<{ alertRaised: (typeof ui.alerts)[number] }>(ALERT_RAISED, {
    onData: ({ data: res }) => {
      if (res.data) ui.alerts.unshift(res.data.alertRaised);
    },
  });

  return (
    <table>
      <tbody>
        {data?.recentOrders.map((o) => (
          <tr key={o.id}>
            <td>{o.number}</td>
            <td>{(o.totalCents / 100).toFixed(2)}</td>
            <td>{o.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
