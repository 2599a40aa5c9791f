import { randomUUID } from 'node:crypto';
import { HttpRequest } from '@deepkit/http';
import { Database } from '../database';

/**
 * http-scoped: one instance per request, so it can carry the request id.
 * It does not own any connection — it writes through the shared Database.
 */
export class AuditContext {
  readonly requestId: string;

  constructor(private readonly db: Database, request: HttpRequest) {
    this.requestId = String(request.headers['x-request-id'] ?? randomUUID());
  }

  async record(action: string, payload: Record<string, unknown>): Promise<void> {
    await this.db.query('INSERT INTO audit_log (request_id, action, payload) VALUES ($1, $2, $3)', [
      this.requestId,
      action,
      JSON.stringify(payload),
    ]);
  }
}
