import { z } from 'zod';
import { conferenceFormat, conferenceStatus } from '@/db/schema/enums';
import { defineList, enumFilter } from './list-query';

export const conferenceStatusValues = conferenceStatus.enumValues;
export const conferenceFormatValues = conferenceFormat.enumValues;
export const conferenceQuarters = ['1', '2', '3', '4'] as const;

const yearFilter = z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().int().min(2000).max(2100));
const quarterFilter = enumFilter(conferenceQuarters).transform(Number);

/**
 * The conference list's URL. `upcoming` (the default) is listConferences' own order: conferences
 * still to come, soonest first, then past ones, latest first; the other sort ids are its columns.
 */
export const conferenceListQuery = defineList({
  sort: ['upcoming', 'startsAt', 'title', 'status'],
  defaultSort: 'upcoming',
  defaultDir: 'asc',
  hideable: ['period', 'format', 'chair'],
  filters: {
    year: yearFilter,
    quarter: quarterFilter,
    status: enumFilter(conferenceStatusValues),
    format: enumFilter(conferenceFormatValues),
  },
});
