import fc from 'fast-check';
import { Money } from '#money';
import { emptyCollectibility, isAtRisk, type PortfolioFigures, portfolioRatios, ratio, toPortfolioReport } from './portfolio-report.js';

const m = (s: string) => Money.of(s);

describe('portfolio ratios', () => {
  it('divides balances to 4 decimals, half up', () => {
    expect(ratio(m('1'), m('3'))).toBe('0.3333');
    expect(ratio(m('2'), m('3'))).toBe('0.6667');
    expect(ratio(m('1000000'), m('1000000'))).toBe('1.0000');
    expect(ratio(m('0'), m('5000000'))).toBe('0.0000');
    expect(ratio(m('5'), m('100000'))).toBe('0.0001');
    expect(ratio(m('4'), m('100000'))).toBe('0.0000');
  });

  it('is 0 for an empty portfolio rather than a division by zero', () => {
    expect(ratio(Money.zero(), Money.zero())).toBe('0.0000');
  });

  it('refuses a part larger than the whole (a bug upstream, not a ratio above 1)', () => {
    expect(() => ratio(m('2'), m('1'))).toThrow(RangeError);
  });

  it('counts a loan as at risk only when MORE than x days past due', () => {
    expect(isAtRisk(0, 1)).toBe(false);
    expect(isAtRisk(1, 1)).toBe(false);
    expect(isAtRisk(2, 1)).toBe(true);
    expect(isAtRisk(30, 30)).toBe(false);
    expect(isAtRisk(31, 30)).toBe(true);
    expect(isAtRisk(91, 90)).toBe(true);
  });

  it('PAR is on balances, not counts: one big loan in arrears among many small current ones', () => {
    const r = portfolioRatios({
      activeLoans: 10,
      outstandingPrincipal: m('19000000'),
      parOutstanding: { '1': m('10000000'), '30': m('10000000'), '90': m('0') },
      nplOutstanding: m('0'),
    });
    expect(r).toEqual({ par: { '1': '0.5263', '30': '0.5263', '90': '0.0000' }, nplRatio: '0.0000' });
  });

  it('property: a ratio is between 0 and 1 with 4 decimals, and PAR90 <= PAR30 <= PAR1 when the balances nest', () => {
    const sen = fc.bigInt({ min: 0n, max: 10n ** 14n });
    fc.assert(
      fc.property(sen, sen, sen, sen, (a, b, c, d) => {
        const [p90, p30, p1, total] = [a, b, c, d].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map(Money.fromSen);
        const r = portfolioRatios({ activeLoans: 1, outstandingPrincipal: total, parOutstanding: { '1': p1, '30': p30, '90': p90 }, nplOutstanding: p90 });
        for (const s of [r.par['1'], r.par['30'], r.par['90'], r.nplRatio]) expect(s).toMatch(/^(0\.\d{4}|1\.0000)$/);
        expect(r.par['90'] <= r.par['30'] && r.par['30'] <= r.par['1']).toBe(true);
      }),
    );
  });
});

describe('toPortfolioReport', () => {
  it('shapes figures into the api answer, with ratios for the whole and each slice', () => {
    const balances = { activeLoans: 2, outstandingPrincipal: m('1500000'), parOutstanding: { '1': m('500000'), '30': m('500000'), '90': m('0') }, nplOutstanding: m('0') };
    const collectibility = emptyCollectibility();
    collectibility['1'] = { count: 1, outstanding: m('1000000') };
    collectibility['2'] = { count: 1, outstanding: m('500000') };
    const figures: PortfolioFigures = {
      asOf: '2026-03-26',
      ...balances,
      collectibility,
      disbursedToDate: { count: 2, amount: m('2000000') },
      disbursedOnDay: { count: 0, amount: Money.zero() },
      repaidToDate: m('500000'),
      repaidOnDay: Money.zero(),
      bySector: [{ sector: 'CULINARY', ...balances }],
      byDistrict: [{ districtCode: '35.26.01', districtName: 'Bangkalan', ...balances }],
    };
    const report = JSON.parse(JSON.stringify(toPortfolioReport('p-1', figures, 'SNAPSHOT')));
    expect(report).toEqual({
      asOf: '2026-03-26',
      programmeId: 'p-1',
      source: 'SNAPSHOT',
      activeLoans: 2,
      outstandingPrincipal: '1500000.00',
      par: { '1': '0.3333', '30': '0.3333', '90': '0.0000' },
      nplRatio: '0.0000',
      parOutstanding: { '1': '500000.00', '30': '500000.00', '90': '0.00' },
      nplOutstanding: '0.00',
      collectibility: {
        '1': { count: 1, outstanding: '1000000.00' },
        '2': { count: 1, outstanding: '500000.00' },
        '3': { count: 0, outstanding: '0.00' },
        '4': { count: 0, outstanding: '0.00' },
        '5': { count: 0, outstanding: '0.00' },
      },
      disbursed: { count: 2, amount: '2000000.00' },
      repaid: { amount: '500000.00' },
      onDay: { disbursed: { count: 0, amount: '0.00' }, repaid: { amount: '0.00' } },
      bySector: [{ sector: 'CULINARY', activeLoans: 2, outstandingPrincipal: '1500000.00', par: { '1': '0.3333', '30': '0.3333', '90': '0.0000' }, nplRatio: '0.0000' }],
      byDistrict: [
        { districtCode: '35.26.01', districtName: 'Bangkalan', activeLoans: 2, outstandingPrincipal: '1500000.00', par: { '1': '0.3333', '30': '0.3333', '90': '0.0000' }, nplRatio: '0.0000' },
      ],
    });
  });
});
