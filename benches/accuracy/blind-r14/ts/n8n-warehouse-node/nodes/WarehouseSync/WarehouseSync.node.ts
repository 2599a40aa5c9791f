import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { getStockCache, poolFor, type WarehouseCredentials } from './GenericFunctions';

export class WarehouseSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Warehouse Sync',
		name: 'warehouseSync',
		icon: 'file:warehouse.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Read and upsert stock levels in the warehouse database',
		defaults: { name: 'Warehouse Sync' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'warehouseApi', required: true }],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Get Stock', value: 'get', action: 'Get stock for a SKU' },
					{ name: 'Upsert Stock', value: 'upsert', action: 'Upsert stock for a SKU' },
				],
				default: 'upsert',
			},
			{ displayName: 'SKU', name: 'sku', type: 'string', default: '', required: true },
			{
				displayName: 'Quantity',
				name: 'quantity',
				type: 'number',
				default: 0,
				displayOptions: { show: { operation: ['upsert'] } },
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0) as string;
		const credentials = (await this.getCredentials('warehouseApi')) as unknown as WarehouseCredentials;
		const pool = poolFor(credentials);
		const cache = getStockCache(credentials);
		const returnData: INodeExecutionData[] = [];

		for (let i = 0; i < items.length; i++) {
			try {
				const sku = this.getNodeParameter('sku', i) as string;

				if (operation === 'get') {
					const cached = await cache.get(sku);
					if (cached !== null) {
						returnData.push({ json: { sku, quantity: Number(cached), cached: true }, pairedItem: { item: i } });
						continue;
					}
					const { rows } = await pool.query('SELECT sku, quantity, updated_at FROM stock WHERE sku = $1', [sku]);
					returnData.push({ json: (rows[0] ?? { sku, quantity: null }) as IDataObject, pairedItem: { item: i } });
					continue;
				}

				const quantity = this.getNodeParameter('quantity', i) as number;
				const client = await pool.connect();
				await client.query('BEGIN');
				const { rows } = await client.query(
					`INSERT INTO stock (sku, quantity, updated_at) VALUES ($1, $2, now())
					 ON CONFLICT (sku) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()
					 RETURNING sku, quantity, updated_at`,
					[sku, quantity],
				);
				await client.query('INSERT INTO stock_audit (sku, quantity, source) VALUES ($1, $2, $3)', [
					sku,
					quantity,
					`n8n:${this.getWorkflow().id ?? 'manual'}`,
				]);
				await client.query('COMMIT');
				client.release();

				await cache.set(sku, String(quantity), 'EX', 300);
				returnData.push({ json: rows[0] as IDataObject, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
		}

		return [returnData];
	}
}
