import { Refine } from '@refinedev/core';
import { ThemedLayoutV2, useNotificationProvider } from '@refinedev/antd';
import routerProvider from '@refinedev/react-router-v6';
import dataProvider from '@refinedev/simple-rest';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router-dom';
import { App as AntdApp } from 'antd';
import { DashboardPage } from './pages/dashboard/DashboardPage';

const API_URL = import.meta.env.VITE_API_URL ?? '/api';

export default function App() {
  return (
    <BrowserRouter>
      <AntdApp>
        <Refine
          dataProvider={dataProvider(API_URL)}
          routerProvider={routerProvider}
          notificationProvider={useNotificationProvider}
          resources={[
            { name: 'orders', list: '/orders', show: '/orders/:id' },
            { name: 'couriers', list: '/couriers' },
          ]}
          options={{ syncWithLocation: true }}
        >
          <Routes>
            <Route
              element={
                <ThemedLayoutV2>
                  <Outlet />
                </ThemedLayoutV2>
              }
            >
              <Route index element={<DashboardPage />} />
            </Route>
          </Routes>
        </Refine>
      </AntdApp>
    </BrowserRouter>
  );
}
