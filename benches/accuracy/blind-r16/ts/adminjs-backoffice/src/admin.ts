import express from 'express';
import AdminJS from 'adminjs';
import AdminJSExpress from '@adminjs/express';
import * as AdminJSSequelize from '@adminjs/sequelize';
import { sequelize, Order } from './db.js';
import { reindexAction } from './actions/reindex.js';
import { refundAction } from './actions/refund.js';

AdminJS.registerAdapter({
  Resource: AdminJSSequelize.Resource,
  Database: AdminJSSequelize.Database,
});

const admin = new AdminJS({
  rootPath: '/admin',
  branding: { companyName: 'Shop back-office' },
  resources: [
    {
      resource: Order,
      options: {
        navigation: { name: 'Sales', icon: 'ShoppingCart' },
        listProperties: ['id', 'customerEmail', 'status', 'totalCents', 'currency'],
        actions: {
          delete: { isAccessible: false },
          bulkDelete: { isAccessible: false },
          reindex: reindexAction,
          refund: refundAction,
        },
      },
    },
  ],
});

const router = AdminJSExpress.buildAuthenticatedRouter(
  admin,
  {
    cookieName: 'bo_session',
    cookiePassword: process.env.COOKIE_SECRET ?? 'change-me-change-me-change-me-32',
    authenticate: async (email, password) =>
      email === process.env.ADMIN_EMAIL && password === process.env.ADMIN_PASSWORD
        ? { email, role: 'finance' }
        : null,
  },
  null,
  { resave: false, saveUninitialized: false, secret: process.env.COOKIE_SECRET ?? 'change-me' },
);

async function start() {
  await sequelize.authenticate();
  const app = express();
  app.use(admin.options.rootPath, router);
  app.listen(Number(process.env.PORT ?? 3000), () => {
    console.log(`AdminJS on http://localhost:${process.env.PORT ?? 3000}${admin.options.rootPath}`);
  });
}

start().catch((err) => {
  console.error(err);
  process.exit(1);
});
