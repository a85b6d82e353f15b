import { BANGKALAN_SCORECARD_V1 as V1 } from './bangkalan-scorecard.js';
import { scorecardDefinitionViolations } from './scorecard-definition-rules.js';

const SECTORS = ['CULINARY', 'CRAFT_BATIK', 'CRAFT_WEAVING', 'CRAFT_WOODCARVING', 'CRAFT_PLAITING', 'FASHION', 'TRADE', 'AGRICULTURE', 'FISHERY', 'SERVICES', 'OTHER'];
const copy = (): Record<string, any> => JSON.parse(JSON.stringify(V1));
const check = (def: unknown) => scorecardDefinitionViolations(def, SECTORS);
const codes = (def: unknown) => check(def).map((v) => `${v.field} ${v.code}`);

describe('scorecardDefinitionViolations', () => {
  it('accepts the seeded Bangkalan scorecard', () => {
    expect(check(V1)).toEqual([]);
  });

  it('refuses what is not an object', () => {
    expect(codes([])).toEqual(['definition SCORECARD_INVALID']);
    expect(codes(null)).toEqual(['definition SCORECARD_INVALID']);
  });

  it('refuses unknown fields at every level', () => {
    const d = copy();
    d.extra = 1;
    d.factors[0].weight = 2;
    d.factors[0].bands[0].min = 0;
    expect(codes(d)).toEqual(['definition.extra UNKNOWN_FIELD', 'definition.factors[0].weight UNKNOWN_FIELD', 'definition.factors[0].bands[0].min UNKNOWN_FIELD']);
  });

  it("needs the factors' maxPoints to add up to 100", () => {
    const d = copy();
    d.factors.pop();
    expect(codes(d)).toEqual(['definition.factors SCORECARD_POINTS_NOT_100']);
    expect(check(d)[0].message).toBe("the factors' maxPoints must add up to 100 (they add up to 90)");
  });

  it('refuses a factor listed twice and an unknown one', () => {
    const d = copy();
    d.factors[1] = { ...d.factors[0] };
    expect(codes(d)).toContain('definition.factors SCORECARD_FACTOR_REPEATED');
    const e = copy();
    e.factors[0].name = 'HOROSCOPE';
    expect(codes(e)).toEqual(['definition.factors[0].name SCORECARD_FACTOR_UNKNOWN']);
  });

  it('needs bands ascending, open-ended last, points within maxPoints, and maxPoints reachable', () => {
    const d = copy();
    d.factors[0].bands = [
      { max: 20, points: 30 },
      { max: 15, points: 25 },
      { max: 30, points: 31 },
      { max: 40, points: 0 },
    ];
    expect(codes(d)).toEqual([
      'definition.factors[0].bands[1].max SCORECARD_BANDS_NOT_ASCENDING',
      'definition.factors[0].bands[2].points SCORECARD_POINTS_INVALID',
      'definition.factors[0].bands[3].max SCORECARD_BANDS_NOT_OPEN_ENDED',
    ]);
    const e = copy();
    e.factors[0].bands = [{ max: null, points: 20 }];
    expect(codes(e)).toEqual(['definition.factors[0].maxPoints SCORECARD_MAX_POINTS_UNREACHABLE']);
    const f = copy();
    f.factors[1].bands[0].points = 2.5;
    f.factors[1].bands[1].max = 'eleven';
    expect(codes(f)).toEqual(['definition.factors[1].bands[0].points SCORECARD_POINTS_INVALID', 'definition.factors[1].bands[1].max SCORECARD_BAND_BOUND_INVALID']);
  });

  it('needs every value 1-5 on a scale, and known sectors', () => {
    const d = copy();
    delete d.factors[3].points['3'];
    d.factors[3].points['6'] = 1;
    d.factors[2].points.MINING = 3;
    expect(codes(d)).toEqual([
      'definition.factors[2].points.MINING SCORECARD_POINTS_KEY_UNKNOWN',
      'definition.factors[3].points.6 SCORECARD_POINTS_KEY_UNKNOWN',
      'definition.factors[3].points.3 SCORECARD_POINTS_KEY_MISSING',
    ]);
  });

  it('checks knock-outs', () => {
    const d = copy();
    d.knockOuts = [{ rule: 'SLIK_COLLECTIBILITY_AT_LEAST', value: 6 }, { rule: 'SLIK_COLLECTIBILITY_AT_LEAST', value: 3 }, { rule: 'ZODIAC' }, { rule: 'NET_INCOME_NOT_POSITIVE', value: 1 }];
    expect(codes(d)).toEqual([
      'definition.knockOuts[0].value SCORECARD_KNOCK_OUT_VALUE_INVALID',
      'definition.knockOuts[1].rule SCORECARD_KNOCK_OUT_REPEATED',
      'definition.knockOuts[2].rule SCORECARD_KNOCK_OUT_UNKNOWN',
      'definition.knockOuts[3].value UNKNOWN_FIELD',
    ]);
    expect(codes({ ...copy(), knockOuts: [] })).toEqual([]);
  });

  it('needs descending grade cut-offs, grades that do not both approve and review, and the cap as a percentage', () => {
    const d = copy();
    d.gradeCutoffs = { A: 80, B: 80, C: 50, D: 35 };
    d.recommendation.reviewGrades = ['B', 'C'];
    d.recommendation.atBestWhenOverCap = 'APPROVE';
    d.installmentCapPercent = 0;
    expect(codes(d)).toEqual([
      'definition.installmentCapPercent SCORECARD_CAP_INVALID',
      'definition.gradeCutoffs SCORECARD_GRADE_CUTOFFS_INVALID',
      'definition.recommendation.reviewGrades SCORECARD_RECOMMENDATION_INVALID',
      'definition.recommendation.atBestWhenOverCap SCORECARD_RECOMMENDATION_INVALID',
    ]);
  });
});
