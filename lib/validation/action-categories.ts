import { z } from 'zod';
import { optionalText, requiredText, storableString } from './common';

const fields = {
  name: requiredText(60),
  nameEn: optionalText(120),
};

export const createCategorySchema = z.object({
  code: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.string().min(2).max(40).regex(/^[a-z0-9][a-z0-9_-]*$/, 'categoryCodeFormat')),
  ...fields,
});
export type CreateCategoryInput = z.input<typeof createCategorySchema>;

/** `updatedAt` as the form saw it: a save over someone else's newer change is refused. */
export const updateCategorySchema = z.object({
  code: storableString().min(1).max(40),
  updatedAt: z.coerce.date(),
  ...fields,
  active: z.boolean(),
});
export type UpdateCategoryInput = z.input<typeof updateCategorySchema>;
