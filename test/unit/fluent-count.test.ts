import fc from 'fast-check';
import { memoryLocalizer } from '../helpers/localizer';

const i18n = memoryLocalizer();

describe('counts are written as Intl.NumberFormat would, without loading it for small ones', () => {
  it.each(i18n.locales)('in %s, every whole number below 1000 is its plain digits, as NumberFormat writes it', (locale) => {
    fc.assert(
      fc.property(fc.integer({ min: -999, max: 999 }), (n) => {
        expect(new Intl.NumberFormat(locale).format(n)).toBe(String(n));
      }),
      { numRuns: 300 },
    );
  });

  it('plural forms still follow the count', () => {
    const ru = (n: number) => i18n.t('ru', 'revokeall-end-button', { count: n });
    expect([1, 2, 5, 11, 21, 22, 25, 111, 999].map(ru)).toEqual([
      'Завершить 1 сеанс',
      'Завершить 2 сеанса',
      'Завершить 5 сеансов',
      'Завершить 11 сеансов',
      'Завершить 21 сеанс',
      'Завершить 22 сеанса',
      'Завершить 25 сеансов',
      'Завершить 111 сеансов',
      'Завершить 999 сеансов',
    ]);
    expect(i18n.t('en', 'revokeall-end-button', { count: 1 })).toBe('End 1 session');
    expect(i18n.t('en', 'revokeall-end-button', { count: 7 })).toBe('End 7 sessions');
  });

  it('larger numbers keep the locale\'s grouping', () => {
    expect(i18n.t('en', 'revokeall-end-button', { count: 1234 })).toBe('End 1,234 sessions');
    expect(i18n.t('ru', 'revokeall-end-button', { count: 1234 })).toBe(`Завершить ${new Intl.NumberFormat('ru').format(1234)} сеанса`);
  });

  it('a small count does not construct Intl.NumberFormat', () => {
    const real = Intl.NumberFormat;
    let made = 0;
    const spy = function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      made += 1;
      return new real(...args);
    } as unknown as typeof Intl.NumberFormat;
    Object.defineProperty(Intl, 'NumberFormat', { value: spy, configurable: true, writable: true });
    try {
      const fresh = memoryLocalizer();
      fresh.t('ru', 'baseline-found', { count: 3 });
      fresh.t('en', 'baseline-found', { count: 3 });
      expect(made).toBe(0);
    } finally {
      Object.defineProperty(Intl, 'NumberFormat', { value: real, configurable: true, writable: true });
    }
  });
});
