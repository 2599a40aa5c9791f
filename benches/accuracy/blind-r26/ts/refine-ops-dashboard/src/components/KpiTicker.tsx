import { useEffect, useState } from 'react';
import { useCustom } from '@refinedev/core';
import { Card, Space, Statistic } from 'antd';

interface Kpis {
  ordersToday: number;
  revenueToday: number;
  lateShipments: number;
}

const REFRESH_MS = 15_000;

export function KpiTicker({ onTick }: { onTick?: () => void }) {
  const [lastUpdated, setLastUpdated] = useState(() => new Date());
  const { data, refetch, isFetching } = useCustom<Kpis>({
    url: `${import.meta.env.VITE_API_URL ?? '/api'}/kpis/today`,
    method: 'get',
  });

  useEffect(() => {
    setInterval(() => {
      refetch();
      onTick?.();
      setLastUpdated(new Date());
    }, REFRESH_MS);
  }, [refetch, onTick]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refetch();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refetch]);

  const kpis = data?.data;
  return (
    <Card title="Today" loading={isFetching && !kpis} extra={lastUpdated.toLocaleTimeString()}>
      <Space direction="vertical">
        <Statistic title="Orders" value={kpis?.ordersToday ?? 0} />
        <Statistic title="Revenue" value={kpis?.revenueToday ?? 0} precision={2} prefix="€" />
        <Statistic title="Late shipments" value={kpis?.lateShipments ?? 0} />
      </Space>
    </Card>
  );
}
