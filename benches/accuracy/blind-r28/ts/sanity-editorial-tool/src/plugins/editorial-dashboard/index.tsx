import { useCallback, useEffect, useState } from 'react'
import { definePlugin, type Tool } from 'sanity'
import { useRouter } from 'sanity/router'
import { Badge, Box, Button, Card, Flex, Grid, Heading, Stack, Text } from '@sanity/ui'
import { useReviewQueue } from './useReviewQueue'
import { minutesAgo, useWireFeed } from './useWireFeed'
import { DashboardIcon } from '@sanity/icons'

export interface EditorialToolOptions {
  wireFeedUrl: string
  desks: string[]
}

export function EditorialTool(props: { tool: Tool<EditorialToolOptions> }) {
  const { wireFeedUrl, desks } = props.tool.options!
  const router = useRouter()
  const [activeDesks, setActiveDesks] = useState<string[]>(desks)
  const [selected, setSelected] = useState(0)
  const { items, loading } = useReviewQueue(activeDesks)
  const { stories, connected } = useWireFeed(wireFeedUrl)

  const openSelected = useCallback(() => {
    const item = items[selected]
    if (item) {
      router.navigateIntent('edit', { id: item._id, type: 'article' })
    }
  }, [items, selected, router])

  // j/k to move through the review queue, enter to open the article.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return
      if (event.key === 'j') setSelected((i) => Math.min(i + 1, items.length - 1))
      if (event.key === 'k') setSelected((i) => Math.max(i - 1, 0))
      if (event.key === 'Enter') openSelected()
    }
    window.addEventListener('keydown', onKeyDown)
  }, [items.length, openSelected])

  const toggleDesk = (desk: string) =>
    setActiveDesks((current) => (current.includes(desk) ? current.filter((d) => d !== desk) : [...current, desk]))

  return (
    <Grid columns={[1, 1, 2]} gap={4} padding={4}>
      <Card padding={4} radius={2} shadow={1}>
        <Stack space={4}>
          <Heading size={2}>Review queue {loading ? '…' : `(${items.length})`}</Heading>
          <Flex gap={2} wrap="wrap">
            {desks.map((desk) => (
              <Button
                key={desk}
                text={desk}
                mode={activeDesks.includes(desk) ? 'default' : 'ghost'}
                onClick={() => toggleDesk(desk)}
              />
            ))}
          </Flex>
          {items.map((item, index) => (
            <Card key={item._id} padding={3} radius={2} tone={index === selected ? 'primary' : 'default'}>
              <Flex align="center" gap={3}>
                <Badge>{item.desk ?? 'none'}</Badge>
                <Box flex={1}>
                  <Text weight="semibold">{item.title}</Text>
                </Box>
                <Text size={1} muted>
                  {item.authorName} · {minutesAgo(item._updatedAt)}
                </Text>
              </Flex>
            </Card>
          ))}
        </Stack>
      </Card>
      <Card padding={4} radius={2} shadow={1}>
        <Stack space={3}>
          <Heading size={2}>
            Wire <Badge tone={connected ? 'positive' : 'critical'}>{connected ? 'live' : 'offline'}</Badge>
          </Heading>
          {stories.map((story) => (
            <Text key={story.id} size={1}>
              [{story.agency}] {story.headline} — {minutesAgo(story.receivedAt)}
            </Text>
          ))}
        </Stack>
      </Card>
    </Grid>
  )
}

export const editorialDashboard = definePlugin<{ wireFeedUrl: string; desks?: string[] }>((options) => ({
  name: 'acme-editorial-dashboard',
  tools: [
    {
      name: 'editorial',
      title: 'Editorial',
      icon: DashboardIcon,
      component: EditorialTool,
      options: {
        wireFeedUrl: options.wireFeedUrl,
        desks: options.desks ?? ['politics', 'business', 'sport', 'culture'],
      },
    },
  ],
}))
