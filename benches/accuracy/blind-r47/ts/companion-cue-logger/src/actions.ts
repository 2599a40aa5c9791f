import type { CompanionActionDefinitions } from '@companion-module/base'
import type { CueLogInstance } from './main.js'
import { recordCue } from './cuelog.js'

export function UpdateActions(self: CueLogInstance): void {
	const actions: CompanionActionDefinitions = {
		cue_go: {
			name: 'Cue GO (log and broadcast)',
			options: [
				{ id: 'cue', type: 'textinput', label: 'Cue number', default: '1', useVariables: true },
				{
					id: 'department',
					type: 'dropdown',
					label: 'Department',
					default: 'lx',
					choices: [
						{ id: 'lx', label: 'Lighting' },
						{ id: 'snd', label: 'Sound' },
						{ id: 'vid', label: 'Video' },
						{ id: 'fly', label: 'Flys' },
					],
				},
			],
			callback: async (event, context) => {
				const cue = await context.parseVariablesInString(String(event.options.cue))
				const department = String(event.options.department)
				await recordCue(self.config, {
					cue,
					department,
					controlId: event.controlId,
					firedAt: new Date(),
				})
				await self.redis?.publish(`cues:${self.config.showId}`, JSON.stringify({ cue, department }))
				self.setVariableValues({ last_cue: `${department.toUpperCase()} ${cue}` })
			},
		},
		standby: {
			name: 'Standby department',
			options: [{ id: 'department', type: 'textinput', label: 'Department', default: 'lx' }],
			callback: async (event) => {
				await self.redis?.publish(
					`standby:${self.config.showId}`,
					JSON.stringify({ department: String(event.options.department) }),
				)
			},
		},
	}
	self.setActionDefinitions(actions)
}
