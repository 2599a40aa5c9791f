import { Allow, Entity, Fields, remult } from 'remult'
import { openAuditDb } from '../audit'

@Entity<Task>('tasks', {
  allowApiCrud: Allow.authenticated,
  allowApiDelete: 'dispatcher',
  defaultOrderBy: { dueAt: 'asc' },
  saving: async (task, e) => {
    if (e.isNew) task.createdBy = remult.user?.id ?? 'system'
    if (task.completed && !task.completedAt) task.completedAt = new Date()
  },
  saved: async (task, e) => {
    const audit = openAuditDb()
    const changes: Record<string, unknown> = {}
    for (const field of e.fields.toArray()) {
      if (field.valueChanged()) changes[field.metadata.key] = field.value
    }
    await audit.query(
      'INSERT INTO audit_log (entity, entity_id, action, user_id, changes) VALUES ($1, $2, $3, $4, $5)',
      ['tasks', task.id, e.isNew ? 'create' : 'update', remult.user?.id, JSON.stringify(changes)],
    )
  },
})
export class Task {
  @Fields.cuid()
  id = ''

  @Fields.string({ validate: (t) => t.title.length > 2 || 'Title is too short' })
  title = ''

  @Fields.string()
  siteAddress = ''

  @Fields.string()
  assignee = ''

  @Fields.date()
  dueAt = new Date()

  @Fields.boolean()
  completed = false

  @Fields.date({ allowNull: true })
  completedAt: Date | null = null

  @Fields.string({ allowApiUpdate: false })
  createdBy = ''

  @Fields.createdAt()
  createdAt = new Date()
}
