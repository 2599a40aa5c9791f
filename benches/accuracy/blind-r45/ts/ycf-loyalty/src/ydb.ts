import { Driver, MetadataAuthService } from 'ydb-sdk'

let driverPromise: Promise<Driver> | undefined

/**
 * One YDB driver per function instance: the instance is reused for many
 * invocations, so the driver (and its session pool) is created on first use
 * and kept for the lifetime of the instance.
 */
export function getDriver(): Promise<Driver> {
  if (!driverPromise) {
    driverPromise = (async () => {
      const driver = new Driver({
        endpoint: process.env.YDB_ENDPOINT ?? 'grpcs://ydb.serverless.yandexcloud.net:2135',
        database: process.env.YDB_DATABASE ?? '',
        authService: new MetadataAuthService(),
      })
      if (!(await driver.ready(5000))) {
        await driver.destroy()
        throw new Error('YDB driver not ready within 5s')
      }
      return driver
    })().catch((err) => {
      driverPromise = undefined
      throw err
    })
  }
  return driverPromise
}
