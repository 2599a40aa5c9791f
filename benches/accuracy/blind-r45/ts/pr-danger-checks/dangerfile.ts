import { danger, fail, warn, message, markdown, schedule } from 'danger'
import { alteredTables, tableSizes } from './danger/migrations'
import { referencedFlags, unknownFlags } from './danger/flags'

const BIG_TABLE_MB = 2048

const changed = [...danger.git.modified_files, ...danger.git.created_files]
const migrations = changed.filter((f) => f.startsWith('db/migrations/') && f.endsWith('.sql'))
const sourceFiles = changed.filter((f) => /^src\/.*\.(ts|tsx)$/.test(f))

if (danger.github.pr.body.length < 20) {
  warn('Please add a short description of the change to the PR body.')
}

if (migrations.length > 0 && !danger.github.pr.title.includes('[migration]')) {
  fail('This PR adds SQL migrations: prefix the title with `[migration]` so the DBA rota is pinged.')
}

// Migration safety: warn when an ALTER targets a large table.
schedule(async () => {
  const tables: string[] = []
  for (const file of migrations) {
    const diff = await danger.git.diffForFile(file)
    if (diff) tables.push(...alteredTables(diff.added))
  }
  const sizes = await tableSizes([...new Set(tables)])
  const big = sizes.filter((t) => t.size_mb >= BIG_TABLE_MB)
  if (big.length > 0) {
    markdown([
      '### Large tables altered',
      '| table | rows | size (MB) |',
      '|---|---:|---:|',
      ...big.map((t) => `| ${t.table_name} | ${t.table_rows} | ${t.size_mb} |`),
    ].join('\n'))
    warn('This migration alters tables above 2 GB: use gh-ost / pt-online-schema-change.')
  }
})

// Feature flags referenced in new code must exist.
schedule(async () => {
  const names: string[] = []
  for (const file of sourceFiles) {
    const diff = await danger.git.diffForFile(file)
    if (diff) names.push(...referencedFlags(diff.diff))
  }
  const missing = await unknownFlags([...new Set(names)])
  for (const name of missing) {
    fail(`Feature flag \`${name}\` is not defined in the flag service.`)
  }
  if (names.length > 0 && missing.length === 0) {
    message(`All ${names.length} referenced feature flags exist.`)
  }
})
