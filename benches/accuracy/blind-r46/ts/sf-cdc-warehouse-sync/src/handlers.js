import { recordChange } from './audit.js';
import { deadLetter } from './dlq.js';
import { openWarehouse, sql } from './warehouse.js';

export async function onAccountChange(message) {
  const { ChangeEventHeader: header, ...fields } = message.payload;
  try {
    const warehouse = await openWarehouse();
    for (const accountId of header.recordIds) {
      if (header.changeType === 'DELETE') {
        await warehouse
          .request()
          .input('id', sql.NVarChar(18), accountId)
          .query('UPDATE dim_account SET is_deleted = 1, updated_at = SYSUTCDATETIME() WHERE sf_id = @id');
        continue;
      }
      await warehouse
        .request()
        .input('id', sql.NVarChar(18), accountId)
        .input('name', sql.NVarChar(255), fields.Name ?? null)
        .input('industry', sql.NVarChar(80), fields.Industry ?? null)
        .input('replay', sql.BigInt, message.event.replayId)
        .execute('dbo.upsert_dim_account');
    }
    await recordChange('Account', header, fields);
  } catch (err) {
    await deadLetter('/data/AccountChangeEvent', message, err);
  }
}

export async function onOpportunityChange(message) {
  const { ChangeEventHeader: header, ...fields } = message.payload;
  try {
    await recordChange('Opportunity', header, fields);
  } catch (err) {
    await deadLetter('/data/OpportunityChangeEvent', message, err);
  }
}
