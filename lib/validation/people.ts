import { z } from 'zod';
import { id, optionalText, requiredText, version } from './common';
import { defineList } from './list-query';

export const personSchema = z.object({
  name: requiredText(60),
  nameEn: optionalText(120),
  position: optionalText(120),
  positionEn: optionalText(200),
  organization: optionalText(200),
  organizationEn: optionalText(300),
});
export type PersonInput = z.input<typeof personSchema>;
/** The person's fields in form order. */
export const personFieldNames = ['name', 'nameEn', 'position', 'positionEn', 'organization', 'organizationEn'] as const;

export const updatePersonSchema = personSchema.extend({ id, version });
export type UpdatePersonInput = z.input<typeof updatePersonSchema>;

/** The people directory's URL; `q` searches names, positions and organizations in both languages. */
export const personListQuery = defineList({
  sort: ['name', 'position', 'organization', 'speeches'],
  defaultSort: 'name',
  defaultDir: 'asc',
  hideable: ['organization', 'speeches'],
  filters: {},
});
