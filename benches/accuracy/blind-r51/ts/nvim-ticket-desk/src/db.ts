import { Pool } from 'pg';

// The node host process lives as long as the editor, so one small pool is enough.
export const pool = new Pool({ connectionString: process.env.TICKET_DB_URL, max: 2 });
