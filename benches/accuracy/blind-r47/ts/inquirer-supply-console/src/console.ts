#!/usr/bin/env node
import { confirm, input, select } from '@inquirer/prompts'
import { S3Client } from '@aws-sdk/client-s3'
import neo4j from 'neo4j-driver'
import { findSuppliers, markSupplierBlocked } from './graph.js'
import { exportPartTree } from './export.js'

// Interactive console for the sourcing team. One driver and one S3 client for
// the whole session; every menu action borrows a neo4j session and closes it.
const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
)
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' })
const bucket = process.env.EXPORT_BUCKET ?? 'sourcing-exports'

try {
  await driver.verifyConnectivity()

  for (;;) {
    const action = await select({
      message: 'What do you want to do?',
      choices: [
        { name: 'Find suppliers for a part', value: 'find' },
        { name: 'Block a supplier', value: 'block' },
        { name: 'Export a part tree to S3', value: 'export' },
        { name: 'Quit', value: 'quit' },
      ],
    })
    if (action === 'quit') break

    if (action === 'find') {
      const part = await input({ message: 'Part number:' })
      const hits = await findSuppliers(driver, part)
      console.table(hits)
    } else if (action === 'block') {
      const name = await input({ message: 'Supplier name:' })
      const reason = await input({ message: 'Reason:' })
      if (await confirm({ message: `Block ${name}?`, default: false })) {
        console.log(`${await markSupplierBlocked(driver, name, reason)} supplier(s) blocked`)
      }
    } else if (action === 'export') {
      const part = await input({ message: 'Part number:' })
      console.log('written to', await exportPartTree(driver, s3, bucket, part))
    }
  }
} finally {
  await driver.close()
  s3.destroy()
}
