import { createClient, ClickHouseClient } from '@clickhouse/client'

export interface MetricsConfig {
  clickhouseUrl: string
  clickhouseUser: string
  clickhousePassword: string
}

export function makeMetricsClient(config: MetricsConfig): ClickHouseClient {
  return createClient({
    url: config.clickhouseUrl,
    username: config.clickhouseUser,
    password: config.clickhousePassword,
    database: 'bot_metrics',
  })
}
