import { z } from 'zod';
import { conferenceFormat, conferenceStatus, departmentKind } from '@/db/schema/enums';
import { dayFilter, defineList, enumFilter } from './list-query';

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

/**
 * The attendance-rate page's URL: the period is all held conferences by default, a year, or a range of
 * Beijing calendar days `from`–`to`, which wins when given; sort ids are attendanceRates' columns.
 */
export const attendanceRateQuery = defineList({
  sort: ['department', 'invited', 'present', 'absent', 'excused', 'unknown', 'rate'],
  defaultSort: 'department',
  defaultDir: 'asc',
  hideable: ['absent', 'excused', 'unknown'],
  filters: { year: yearFilter, from: dayFilter, to: dayFilter, kind: enumFilter(departmentKind.enumValues) },
});
