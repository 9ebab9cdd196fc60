import { describe, expect, it } from 'vitest';
import { compareNames, type NameLevel } from './name-comparison.js';
import { nameKey, normalizeName } from './name-normalizer.js';

const level = (a: string, b: string): NameLevel => compareNames(normalizeName(a), normalizeName(b));

describe('normalizeName', () => {
  it('gives person names their pinyin, polyphonic surnames read as surnames', () => {
    expect(normalizeName('张 伟')).toMatchObject({ kind: 'person', canonical: '张伟', surname: 'zhang', parts: ['zhang', 'wei'] });
    expect(normalizeName('单丽').surname).toBe('shan');
    expect(normalizeName('曾强').surname).toBe('zeng');
    expect(normalizeName('欧阳娜娜')).toMatchObject({ surname: 'ouyang', given: ['na', 'na'] });
    expect(normalizeName('吕丽').surname).toBe('lv');
  });

  it('reads forms of address as a surname only and business names as organisations', () => {
    expect(normalizeName('王先生')).toMatchObject({ kind: 'person', surname: 'wang', parts: ['wang'] });
    expect(normalizeName('杭州恒达机械有限公司')).toMatchObject({ kind: 'organisation', core: '恒达机械' });
    expect(normalizeName('新源奶茶店').kind).toBe('organisation');
  });

  it('blocks homophones, traditional characters and romanised names together', () => {
    const keys = ['张伟', '張偉', '张玮', 'Zhang Wei', 'WEI ZHANG', 'Ｚｈａｎｇ\u3000Ｗｅｉ'].map((n) => nameKey(normalizeName(n)));
    expect(new Set(keys).size).toBe(1);
    expect(nameKey(normalizeName('王先生'))).toBeUndefined();
  });
});

describe('compareNames', () => {
  it.each<[string, string, NameLevel]>([
    ['张伟', '张伟', 'exact'],
    ['张伟', ' 张\u3000伟 ', 'exact'],
    ['张伟', '张玮', 'phonetic'],
    ['张伟', '張偉', 'phonetic'],
    ['王晓明', 'Xiaoming WANG', 'phonetic'],
    ['王晓明', 'wang xiaoming', 'phonetic'],
    ['陈静', '程静', 'phonetic'],
    ['王晓明', '王明', 'partial'],
    ['王晓明', '王晓', 'partial'],
    ['王晓明', '王先生', 'partial'],
    ['李娜', '李女士', 'partial'],
    ['王晓明', '王晓丽', 'similar'],
    ['王晓明', '王丽', 'disagree'],
    ['王晓明', '李晓明', 'disagree'],
    ['王晓明', '李先生', 'disagree'],
    ['杭州恒达机械有限公司', '恒达机械有限责任公司', 'exact'],
    ['杭州恒达机械有限公司', '恒达机械厂', 'partial'],
    ['杭州恒达机械有限公司', '杭州永兴化工有限公司', 'disagree'],
    ['王晓明', '杭州恒达机械有限公司', 'disagree'],
  ])('%s vs %s: %s', (a, b, expected) => {
    expect(level(a, b)).toBe(expected);
    expect(level(b, a)).toBe(expected);
  });
});
