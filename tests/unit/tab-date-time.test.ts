import { dateTimeText, helsinkiText, parseDateTime } from '../../tab/src/helsinki-time';

describe("the tab's Finnish dates and times", () => {
  it('shows Helsinki time the Finnish way in every language, never with seconds', () => {
    // 9.00 in Helsinki in winter (UTC+2) and in summer (UTC+3).
    expect(helsinkiText('2027-02-01T07:00:00.000Z', 'fi')).toBe('1.2.2027 klo 9.00');
    expect(helsinkiText('2027-02-01T07:00:00.000Z', 'sv')).toBe('1.2.2027 kl. 9.00');
    expect(helsinkiText('2027-02-01T07:00:00.000Z', 'en')).toBe('1.2.2027 at 9.00');
    expect(helsinkiText('2026-12-15T14:00:59.000Z', 'fi')).toBe('15.12.2026 klo 16.00');
    expect(helsinkiText('2027-06-01T06:05:00.000Z', 'fi')).toBe('1.6.2027 klo 9.05');
  });

  it('reads dates and times typed the Finnish way into Helsinki wall-clock text', () => {
    expect(parseDateTime({ date: '1.2.2027', time: '9.00' })).toEqual({ value: '2027-02-01T09:00' });
    expect(parseDateTime({ date: '01.02.2027', time: '09:30' })).toEqual({ value: '2027-02-01T09:30' });
    expect(parseDateTime({ date: '1.2.27', time: '14' })).toEqual({ value: '2027-02-01T14:00' });
    expect(parseDateTime({ date: ' 1.2.2027. ', time: ' 9.00 ' })).toEqual({ value: '2027-02-01T09:00' });
    expect(parseDateTime({ date: '', time: '' })).toEqual({ value: null });
  });

  it('names what is wrong with a date or time that cannot be read', () => {
    expect(parseDateTime({ date: '1.2.2027', time: '' })).toEqual({ problem: 'missing' });
    expect(parseDateTime({ date: '2027-02-01', time: '9.00' })).toEqual({ problem: 'dateFormat' });
    expect(parseDateTime({ date: '02/01/2027', time: '9.00' })).toEqual({ problem: 'dateFormat' });
    expect(parseDateTime({ date: '31.2.2027', time: '9.00' })).toEqual({ problem: 'noSuchDate' });
    expect(parseDateTime({ date: '1.2.2027', time: '9.00 AM' })).toEqual({ problem: 'timeFormat' });
    expect(parseDateTime({ date: '1.2.2027', time: '24.00' })).toEqual({ problem: 'noSuchTime' });
  });

  it('turns the API wall-clock text back into the two fields', () => {
    expect(dateTimeText('2027-02-01T09:00')).toEqual({ date: '1.2.2027', time: '9.00' });
    expect(dateTimeText(null)).toEqual({ date: '', time: '' });
  });
});
