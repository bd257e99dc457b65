import { describe, expect, it } from 'vitest';
import { correctIndicatorSchema, indicatorPageParams, recordIndicatorSchema } from './indicators';
import { fieldErrorsOf } from './common';

describe('indicatorPageParams', () => {
  it('reads the region, the "as of" month, the years and the month being corrected', () => {
    expect(indicatorPageParams(new URLSearchParams('region=7&asOf=2018-03&baseline=2015&compare=2017&from=2016&edit=12'))).toEqual({
      departmentId: 7,
      asOf: { year: 2018, month: 3 },
      baselineYear: 2015,
      compareYear: 2017,
      fromYear: 2016,
      edit: 12,
    });
  });

  it('leaves out what does not parse, so the page shows its defaults: the whole city, the latest month', () => {
    expect(indicatorPageParams({ region: 'city', asOf: '2018-13', baseline: '15', edit: 'x' })).toEqual({
      departmentId: null,
      asOf: undefined,
      baselineYear: undefined,
      compareYear: undefined,
      fromYear: undefined,
      edit: undefined,
    });
  });
});

describe('a month from the form', () => {
  it('reads text fields, empty optional figures as 0, and the whole city as no department', () => {
    expect(recordIndicatorSchema.parse({ year: '2018', month: '3', departmentId: '', accidents: '25', deaths: '14', injuries: '', directLoss: '412.5' })).toEqual({
      year: 2018,
      month: 3,
      departmentId: undefined,
      accidents: 25,
      deaths: 14,
      injuries: 0,
      majorAccidents: 0,
      directLoss: 412.5,
    });
  });

  it('names each field in error with the same message as the CSV import', () => {
    const result = correctIndicatorSchema.safeParse({ id: '1', version: '1', accidents: '', deaths: '-2', injuries: '1.5', directLoss: 'abc' });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      accidents: [{ key: 'required' }],
      deaths: [{ key: 'indicators.negative' }],
      injuries: [{ key: 'indicators.notCount' }],
      directLoss: [{ key: 'indicators.notAmount' }],
    });
  });
});
