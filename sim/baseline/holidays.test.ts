import { describe, expect, it } from 'vitest';
import { easterSunday, holidays } from './holidays.ts';

describe('holidays', () => {
  it('computes Easter', () => {
    expect(new Date(easterSunday(2019)).toISOString().slice(0, 10)).toBe('2019-04-21');
    expect(new Date(easterSunday(2022)).toISOString().slice(0, 10)).toBe('2022-04-17');
  });

  it('lists England and Wales bank holidays with substitutes and one-offs (gov.uk)', () => {
    expect(holidays({ region: 'GB-EAW', years: [2022] })).toEqual([
      '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27',
    ]);
    expect(holidays({ region: 'GB-EAW', years: [2020] })).toEqual([
      '2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28',
    ]);
  });

  it('lists the observed NERC holidays', () => {
    expect(holidays({ region: 'US-NERC', years: [2016, 2017] })).toEqual([
      '2016-01-01', '2016-05-30', '2016-07-04', '2016-09-05', '2016-11-24', '2016-12-26',
      '2017-01-02', '2017-05-29', '2017-07-04', '2017-09-04', '2017-11-23', '2017-12-25',
    ]);
  });
});
