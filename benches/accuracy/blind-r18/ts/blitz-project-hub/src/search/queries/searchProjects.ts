import { resolver } from "@blitzjs/rpc"
import { z } from "zod"
import { searchSql } from "../sql"

const SearchProjects = z.object({
  q: z.string().min(2).max(100),
  limit: z.number().int().min(1).max(50).default(20),
})

interface Hit {
  project_id: number
  title: string
  snippet: string
  rank: number
}

export default resolver.pipe(resolver.zod(SearchProjects), resolver.authorize(), async ({ q, limit }) => {
  const hits = await searchSql<Hit[]>`
    SELECT project_id, title,
           ts_headline('english', body, websearch_to_tsquery('english', ${q})) AS snippet,
           ts_rank(document, websearch_to_tsquery('english', ${q})) AS rank
      FROM project_documents
     WHERE document @@ websearch_to_tsquery('english', ${q})
     ORDER BY rank DESC
     LIMIT ${limit}
  `
  return hits
})
