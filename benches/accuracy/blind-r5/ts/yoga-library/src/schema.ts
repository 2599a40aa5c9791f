import { createSchema, GraphQLError } from 'graphql-yoga'
import { ObjectId } from 'mongodb'
import type { Book, Context } from './context'

export const schema = createSchema<Context>({
  typeDefs: /* GraphQL */ `
    type Author { id: ID!, name: String! }
    type Book { id: ID!, title: String!, copies: Int!, author: Author }
    type Query { books(search: String): [Book!]! }
    type Mutation { borrow(bookId: ID!): Book! }
  `,
  resolvers: {
    Query: {
      books: (_root, args: { search?: string }, ctx) =>
        ctx.db
          .collection<Book>('books')
          .find(args.search ? { title: { $regex: args.search, $options: 'i' } } : {})
          .limit(100)
          .toArray(),
    },
    Mutation: {
      borrow: async (_root, args: { bookId: string }, ctx) => {
        if (!ctx.memberId) throw new GraphQLError('not signed in')
        const session = ctx.mongo.startSession()
        try {
          let book: Book | null = null
          await session.withTransaction(async () => {
            book = await ctx.db
              .collection<Book>('books')
              .findOneAndUpdate(
                { _id: new ObjectId(args.bookId), copies: { $gt: 0 } },
                { $inc: { copies: -1 } },
                { session, returnDocument: 'after' },
              )
            if (!book) throw new GraphQLError('no copies left')
            await ctx.db
              .collection('loans')
              .insertOne({ bookId: book._id, memberId: ctx.memberId, at: new Date() }, { session })
          })
          return book!
        } finally {
          await session.endSession()
        }
      },
    },
    Book: {
      id: (b: Book) => b._id.toHexString(),
      author: (b: Book, _args: unknown, ctx: Context) => ctx.authorLoader.load(b.authorId.toHexString()),
    },
  },
})
