import { combineRgb, type CompanionFeedbackDefinitions } from '@companion-module/base'
import type { CueLogInstance } from './main.js'

export function UpdateFeedbacks(self: CueLogInstance): void {
	const feedbacks: CompanionFeedbackDefinitions = {
		tally_program: {
			name: 'Source on program',
			type: 'boolean',
			defaultStyle: {
				bgcolor: combineRgb(200, 0, 0),
				color: combineRgb(255, 255, 255),
			},
			options: [{ id: 'source', type: 'textinput', label: 'Source name', default: 'CAM 1' }],
			callback: (feedback) => self.tally[String(feedback.options.source)] === true,
		},
	}
	self.setFeedbackDefinitions(feedbacks)
}
