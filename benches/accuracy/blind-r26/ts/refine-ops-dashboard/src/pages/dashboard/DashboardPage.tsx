import { useEffect, useState } from 'react';
import { useList } from '@refinedev/core';
import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { KpiTicker } from '../../components/KpiTicker';

interface Order {
  id: string;
  customer: string;
  status: 'new' | 'picking' | 'shipped' | 'cancelled';
  total: number;
  createdAt: string;
}

const STREAM_URL = `${import.meta.env.VITE_API_URL ?? '/api'}/orders/stream`;

export function DashboardPage() {
  const { data, refetch } = useList<Order>({
    resource: 'orders',
    pagination: { pageSize: 20 },
    sorters: [{ field: 'createdAt', order: 'desc' }],
  });
  const [live, setLive] = useState<Order[]>([]);
  const [compact, setCompact] = useState(window.innerWidth < 900);

  // live order feed from the API's server-sent events endpoint
  useEffect(() => {
    const source = new EventSource(STREAM_URL, { withCredentials: true });
    source.addEventListener('order', (ev) => {
      const order = JSON.parse((ev as MessageEvent).data) as Order;
      setLive((prev) => [order, ...prev].slice(0, 50));
    });
    source.onerror = () => console.warn('order stream interrupted, browser will retry');
  }, []);

  useEffect(() => {
    const onResize = () => setCompact(window.innerWidth < 900);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const rows = [...live, ...(data?.data ?? [])].filter(
    (o, i, all) => all.findIndex((x) => x.id === o.id) === i,
  );

  return (
    <Row gutter={[16, 16]}>
      <Col span={compact ? 24 : 8}>
        <KpiTicker onTick={() => refetch()} />
      </Col>
      <Col span={compact ? 24 : 16}>
        <Card title="Orders">
          <Statistic title="Live in this session" value={live.length} />
          <Table<Order>
            rowKey="id"
            dataSource={rows}
            size={compact ? 'small' : 'middle'}
            columns={[
              { title: 'Order', dataIndex: 'id' },
              { title: 'Customer', dataIndex: 'customer' },
              { title: 'Status', dataIndex: 'status', render: (s: string) => <Tag>{s}</Tag> },
              { title: 'Total', dataIndex: 'total', render: (t: number) => t.toFixed(2) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
