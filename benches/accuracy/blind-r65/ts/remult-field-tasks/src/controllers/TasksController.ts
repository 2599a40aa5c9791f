import { BackendMethod, remult } from 'remult'
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { Task } from '../entities/Task'

export class TasksController {
  @BackendMethod({ allowed: 'dispatcher' })
  static async reassign(fromUser: string, toUser: string) {
    const repo = remult.repo(Task)
    let moved = 0
    for await (const task of repo.query({ where: { assignee: fromUser, completed: false } })) {
      await repo.save({ ...task, assignee: toUser })
      moved++
    }
    return moved
  }

  @BackendMethod({ allowed: 'dispatcher' })
  static async exportCompleted(month: string) {
    const [year, mon] = month.split('-').map(Number)
    const from = new Date(Date.UTC(year, mon - 1, 1))
    const to = new Date(Date.UTC(year, mon, 1))
    const tasks = await remult.repo(Task).find({
      where: { completed: true, completedAt: { $gte: from, $lt: to } },
    })
    const csv = ['id,title,assignee,completedAt']
      .concat(tasks.map((t) => [t.id, JSON.stringify(t.title), t.assignee, t.completedAt?.toISOString()].join(',')))
      .join('\n')

    const s3 = new S3Client({ region: process.env.AWS_REGION })
    const key = `exports/tasks-${month}.csv`
    await s3.send(new PutObjectCommand({ Bucket: process.env.EXPORT_BUCKET, Key: key, Body: csv, ContentType: 'text/csv' }))
    return key
  }
}
