import type { EggAppConfig, EggAppInfo, PowerPartial } from 'egg';

export default (appInfo: EggAppInfo) => {
  const config = {} as PowerPartial<EggAppConfig>;

  config.keys = appInfo.name + '_1716822000123_7391';
  config.middleware = [];
  config.security = { csrf: { enable: false } };

  const bizConfig = {
    catalogDb: {
      host: process.env.MYSQL_HOST ?? '127.0.0.1',
      port: Number(process.env.MYSQL_PORT ?? 3306),
      user: process.env.MYSQL_USER ?? 'catalog',
      password: process.env.MYSQL_PASSWORD ?? '',
      database: 'catalog',
    },
    reportingDb: {
      host: process.env.REPORTING_HOST ?? '127.0.0.1',
      port: 3306,
      user: process.env.REPORTING_USER ?? 'reports_ro',
      password: process.env.REPORTING_PASSWORD ?? '',
      database: 'reporting',
    },
    elasticsearch: {
      node: process.env.ES_NODE ?? 'http://localhost:9200',
      index: 'products-v3',
    },
  };

  return { ...config, ...bizConfig };
};
