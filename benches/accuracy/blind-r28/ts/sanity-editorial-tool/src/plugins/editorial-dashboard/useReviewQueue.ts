import { useEffect, useState } from 'react'
import { useClient } from 'sanity'

export interface ReviewItem {
  _id: string
  title: string
  desk?: string
  authorName?: string
  _updatedAt: string
}

const REVIEW_QUERY = `*[_type == "article" && status == "review" && desk in $desks] | order(_updatedAt asc) {
  _id, title, desk, "authorName": author->name, _updatedAt
}`

const LISTEN_QUERY = `*[_type == "article" && desk in $desks]`

export function useReviewQueue(desks: string[]): { items: ReviewItem[]; loading: boolean } {
  const client = useClient({ apiVersion: '2024-08-01' })
  const [items, setItems] = useState<ReviewItem[]>([])
  const [loading, setLoading] = useState(true)
  const [revision, setRevision] = useState(0)

  // Initial load and reload whenever the listener reports a change.
  useEffect(() => {
    let cancelled = false
    client.fetch<ReviewItem[]>(REVIEW_QUERY, { desks }).then((result) => {
      if (!cancelled) {
        setItems(result)
        setLoading(false)
      }
    })
    return () => {
      cancelled = true
    }
  }, [client, desks, revision])

  // Live updates: any article on one of our desks appearing, changing or disappearing.
  useEffect(() => {
    client.listen(LISTEN_QUERY, { desks }, { visibility: 'query', events: ['mutation'] }).subscribe((event) => {
      if (event.type === 'mutation') {
        setRevision((r) => r + 1)
      }
    })
  }, [client, desks])

  return { items, loading }
}
