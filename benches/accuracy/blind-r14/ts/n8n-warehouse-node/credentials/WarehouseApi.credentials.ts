import type { ICredentialType, INodeProperties } from 'n8n-workflow';

export class WarehouseApi implements ICredentialType {
	name = 'warehouseApi';

	displayName = 'Warehouse Database';

	properties: INodeProperties[] = [
		{ displayName: 'Host', name: 'host', type: 'string', default: 'localhost' },
		{ displayName: 'Port', name: 'port', type: 'number', default: 5432 },
		{ displayName: 'Database', name: 'database', type: 'string', default: 'warehouse' },
		{ displayName: 'User', name: 'user', type: 'string', default: 'n8n' },
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Redis Host', name: 'redisHost', type: 'string', default: 'localhost' },
		{ displayName: 'Redis Port', name: 'redisPort', type: 'number', default: 6379 },
	];
}
