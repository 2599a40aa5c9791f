import { join } from 'node:path';
import { intArg, makeSchema, mutationField, nonNull, objectType, queryField, stringArg, list } from 'nexus';
import { sql } from 'slonik';
import { z } from 'zod';
import type { Context } from './context';

const AuthorType = objectType({
  name: 'Author',
  definition(t) {
    t.nonNull.int('id');
    t.nonNull.string('name');
    t.int('born');
    t.nonNull.list.nonNull.field('books', {
      type: 'Book',
      resolve: (author, _args, ctx: Context) => ctx.loaders.booksByAuthor.load(author.id),
    });
  },
});

const BookType = objectType({
  name: 'Book',
  definition(t) {
    t.nonNull.int('id');
    t.nonNull.string('title');
    t.int('published');
    t.nonNull.int('copiesAvailable', { resolve: (b: any) => b.copies_available });
    t.field('author', {
      type: 'Author',
      resolve: (b: any, _args, ctx: Context) => ctx.loaders.author.load(b.author_id),
    });
  },
});

const SearchHit = objectType({
  name: 'SearchHit',
  definition(t) {
    t.nonNull.int('bookId');
    t.nonNull.string('title');
    t.string('snippet');
  },
});

const bookById = queryField('book', {
  type: 'Book',
  args: { id: nonNull(intArg()) },
  resolve: (_root, { id }, ctx: Context) =>
    ctx.pool.maybeOne(sql.unsafe`SELECT id, title, author_id, published, copies_available FROM books WHERE id = ${id}`),
});

const searchBooks = queryField('searchBooks', {
  type: nonNull(list(nonNull('SearchHit'))),
  args: { q: nonNull(stringArg()), limit: intArg({ default: 20 }) },
  resolve: async (_root, { q, limit }, ctx: Context) => {
    const res = await ctx.search.index('books').search(q, {
      limit: limit ?? 20,
      attributesToCrop: ['description'],
      cropLength: 24,
    });
    return res.hits.map((h: any) => ({ bookId: h.id, title: h.title, snippet: h._formatted?.description ?? null }));
  },
});

const borrowBook = mutationField('borrowBook', {
  type: nonNull('Book'),
  args: { bookId: nonNull(intArg()) },
  resolve: async (_root, { bookId }, ctx: Context) => {
    if (!ctx.memberId) throw new Error('not signed in');
    const memberId = ctx.memberId;
    // Slonik hands out a pooled connection for the transaction and returns it
    // to the pool when the callback settles.
    return ctx.pool.transaction(async (tx) => {
      const book = await tx.one(sql.unsafe`
        UPDATE books SET copies_available = copies_available - 1
         WHERE id = ${bookId} AND copies_available > 0
        RETURNING id, title, author_id, published, copies_available
      `);
      await tx.query(sql.unsafe`INSERT INTO loans (book_id, member_id, due_at) VALUES (${bookId}, ${memberId}, now() + interval '21 days')`);
      return book;
    });
  },
});

const memberLoans = queryField('myLoanCount', {
  type: nonNull('Int'),
  resolve: async (_root, _args, ctx: Context) => {
    if (!ctx.memberId) return 0;
    const memberId = ctx.memberId;
    // Dedicated connection only for the duration of the callback.
    return ctx.pool.connect(async (connection) =>
      connection.oneFirst(
        sql.type(z.object({ n: z.number() }))`SELECT count(*)::int AS n FROM loans WHERE member_id = ${memberId} AND returned_at IS NULL`,
      ),
    );
  },
});

export const schema = makeSchema({
  types: [AuthorType, BookType, SearchHit, bookById, searchBooks, borrowBook, memberLoans],
  outputs: {
    schema: join(__dirname, '..', 'schema.graphql'),
    typegen: join(__dirname, 'generated', 'nexus.ts'),
  },
  contextType: { module: join(__dirname, 'context.ts'), export: 'Context' },
});
