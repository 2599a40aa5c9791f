import { useEffect, useState } from 'react'

export interface WireStory {
  id: string
  slug: string
  headline: string
  agency: string
  receivedAt: string
}

const MAX_STORIES = 40

export function useWireFeed(url: string): { stories: WireStory[]; connected: boolean } {
  const [stories, setStories] = useState<WireStory[]>([])
  const [connected, setConnected] = useState(false)
  const [, setNow] = useState(Date.now())

  useEffect(() => {
    const source = new EventSource(url, { withCredentials: true })
    const onStory = (event: MessageEvent<string>) => {
      const story = JSON.parse(event.data) as WireStory
      setStories((prev) => [story, ...prev.filter((s) => s.id !== story.id)].slice(0, MAX_STORIES))
    }
    source.addEventListener('story', onStory)
    source.onopen = () => setConnected(true)
    source.onerror = () => setConnected(false)
    return () => {
      source.removeEventListener('story', onStory)
      source.close()
    }
  }, [url])

  // Re-render once a minute so the "x min ago" labels stay fresh.
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000)
    return () => window.clearInterval(timer)
  }, [])

  return { stories, connected }
}

export function minutesAgo(iso: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000))
  return minutes < 1 ? 'just now' : `${minutes} min ago`
}
