import { QueryError, QueryResult, QueryService } from '@tooljet-marketplace/common';
import { Pool } from 'pg';
import pgvector from 'pgvector/pg';
import { embed } from './embeddings';
import { QueryOptions, SearchHit, SourceOptions } from './types';

const IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/;

function assertTable(table: string): string {
  if (!IDENTIFIER.test(table)) {
    throw new QueryError('Invalid table name', `"${table}" is not a valid identifier`, {});
  }
  return `"${table}"`;
}

export default class Pgvector implements QueryService {
  async run(
    sourceOptions: SourceOptions,
    queryOptions: QueryOptions,
    dataSourceId: string,
    dataSourceUpdatedAt: string
  ): Promise<QueryResult> {
    const pool = new Pool({
      connectionString: sourceOptions.connection_string,
      ssl: sourceOptions.ssl_enabled ? { rejectUnauthorized: false } : undefined,
      max: 5,
    });
    pool.on('connect', async (client) => {
      await pgvector.registerType(client);
    });

    const table = assertTable(queryOptions.table);
    try {
      switch (queryOptions.operation) {
        case 'similarity_search': {
          const vector = await embed(queryOptions.text ?? '', sourceOptions, dataSourceId, dataSourceUpdatedAt);
          const { rows } = await pool.query(
            `SELECT id, content, metadata, 1 - (embedding <=> $1) AS score
               FROM ${table}
              WHERE 1 - (embedding <=> $1) >= $2
              ORDER BY embedding <=> $1
              LIMIT $3`,
            [pgvector.toSql(vector), queryOptions.min_score ?? 0, queryOptions.top_k ?? 10]
          );
          return { status: 'ok', data: rows as SearchHit[] };
        }

        case 'upsert_document': {
          const text = queryOptions.text ?? '';
          const vector = await embed(text, sourceOptions, dataSourceId, dataSourceUpdatedAt);
          const metadata = queryOptions.metadata ? JSON.parse(queryOptions.metadata) : {};
          const { rows } = await pool.query(
            `INSERT INTO ${table} (id, content, metadata, embedding)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (id) DO UPDATE
               SET content = EXCLUDED.content,
                   metadata = EXCLUDED.metadata,
                   embedding = EXCLUDED.embedding
             RETURNING id`,
            [queryOptions.document_id, text, metadata, pgvector.toSql(vector)]
          );
          return { status: 'ok', data: rows[0] };
        }

        case 'delete_document': {
          const { rowCount } = await pool.query(`DELETE FROM ${table} WHERE id = $1`, [queryOptions.document_id]);
          return { status: 'ok', data: { deleted: rowCount } };
        }

        default:
          throw new QueryError('Unknown operation', `Operation ${queryOptions.operation} is not supported`, {});
      }
    } catch (error: any) {
      if (error instanceof QueryError) throw error;
      throw new QueryError('Query could not be completed', error.message, {
        code: error.code,
        detail: error.detail,
      });
    }
  }
}
