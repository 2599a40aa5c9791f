import joplin from 'api';
import { MenuItemLocation, SettingItemType } from 'api/types';
import { Client } from '@elastic/elasticsearch';
import { indexName, makeEsClient } from './es';

interface NoteDoc {
	id: string;
	title: string;
	body: string;
	parent_id: string;
	updated_time: number;
}

const NOTE_FIELDS = ['id', 'title', 'body', 'parent_id', 'updated_time'];

joplin.plugins.register({
	onStart: async function () {
		await joplin.settings.registerSection('esSync', {
			label: 'Elasticsearch Sync',
			iconName: 'fas fa-search',
		});
		await joplin.settings.registerSettings({
			esUrl: { value: 'http://localhost:9200', type: SettingItemType.String, section: 'esSync', public: true, label: 'Elasticsearch URL' },
			esApiKey: { value: '', type: SettingItemType.String, section: 'esSync', public: true, secure: true, label: 'API key' },
			esIndex: { value: 'joplin-notes', type: SettingItemType.String, section: 'esSync', public: true, label: 'Index name' },
		});

		// Fires for every create/update/delete of a note.
		await joplin.workspace.onNoteChange(async (event: { id: string; event: number }) => {
			const es = await makeEsClient();
			const index = await indexName();
			if (event.event === 3 /* ItemChangeEventType.Delete */) {
				await es.delete({ index, id: event.id }, { ignore: [404] });
				return;
			}
			const note: NoteDoc = await joplin.data.get(['notes', event.id], { fields: NOTE_FIELDS });
			await es.index({ index, id: note.id, document: note });
		});

		await joplin.commands.register({
			name: 'esSyncReindexFolder',
			label: 'Re-index current notebook in Elasticsearch',
			iconName: 'fas fa-sync',
			execute: async () => {
				const folder = await joplin.workspace.selectedFolder();
				if (!folder) return;
				const es = new Client({
					node: await joplin.settings.value('esUrl'),
					auth: { apiKey: await joplin.settings.value('esApiKey') },
				});
				const index = await indexName();
				let page = 1;
				let hasMore = true;
				while (hasMore) {
					const res = await joplin.data.get(['folders', folder.id, 'notes'], { fields: NOTE_FIELDS, page, limit: 50 });
					const operations = res.items.flatMap((n: NoteDoc) => [{ index: { _index: index, _id: n.id } }, n]);
					if (operations.length) await es.bulk({ operations, refresh: false });
					hasMore = res.has_more;
					page += 1;
				}
				await joplin.views.dialogs.showMessageBox(`Re-indexed notebook "${folder.title}".`);
			},
		});

		await joplin.views.menuItems.create('esSyncReindexMenu', 'esSyncReindexFolder', MenuItemLocation.Tools);
	},
});
