import { Schema, model, type InferSchemaType } from 'mongoose';
import { recipeIndex, redis } from '../clients.js';

const recipeSchema = new Schema(
  {
    title: { type: String, required: true },
    slug: { type: String, required: true, unique: true },
    tags: [String],
    minutes: Number,
    ingredients: [{ name: String, amount: String }],
    published: { type: Boolean, default: false },
  },
  { timestamps: true },
);

// Document middleware: runs before every save().
recipeSchema.pre('save', function () {
  if (this.isModified('title') && !this.slug) {
    this.slug = this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  }
});

// Runs after every successful save(): push to search and drop the cached page.
recipeSchema.post('save', async function (doc) {
  if (doc.published) {
    await recipeIndex().addDocuments([
      { id: doc.id, title: doc.title, tags: doc.tags, minutes: doc.minutes },
    ]);
  } else {
    await recipeIndex().deleteDocument(doc.id);
  }
  await redis.del(`recipe:${doc.slug}`);
});

// Query middleware: runs after every findOneAndDelete().
recipeSchema.post('findOneAndDelete', async function (doc) {
  if (!doc) return;
  await recipeIndex().deleteDocument(doc.id);
  await redis.del(`recipe:${doc.slug}`);
});

export type Recipe = InferSchemaType<typeof recipeSchema>;
export const RecipeModel = model('Recipe', recipeSchema);
