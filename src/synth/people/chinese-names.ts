import type { Rng } from '../rng.js';
import type { Gender } from './chinese-id.js';

/**
 * Common surnames with their approximate share of the population (%, 2020 census), nudged towards
 * Zhejiang where 陈, 王, 吴, 徐, 金, 沈, 钱 and 俞 are more frequent than nationally.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 6.8], ['李', 5.4], ['张', 5.9], ['刘', 3.6], ['陈', 6.9], ['杨', 2.8], ['黄', 2.2], ['赵', 1.8],
  ['吴', 3.1], ['周', 2.4], ['徐', 2.6], ['孙', 1.5], ['马', 1.1], ['朱', 1.8], ['胡', 1.6], ['郭', 0.9],
  ['何', 1.1], ['高', 1.0], ['林', 1.5], ['罗', 0.8], ['郑', 1.2], ['梁', 0.6], ['谢', 0.8], ['宋', 0.6],
  ['唐', 0.6], ['许', 0.9], ['韩', 0.5], ['冯', 0.5], ['邓', 0.5], ['曹', 0.5], ['彭', 0.5], ['曾', 0.4],
  ['肖', 0.4], ['田', 0.4], ['董', 0.5], ['袁', 0.5], ['潘', 0.7], ['于', 0.4], ['蒋', 0.7], ['蔡', 0.6],
  ['余', 0.6], ['杜', 0.4], ['叶', 0.9], ['程', 0.4], ['苏', 0.4], ['魏', 0.3], ['吕', 0.4], ['丁', 0.4],
  ['任', 0.3], ['沈', 1.1], ['姚', 0.5], ['卢', 0.3], ['姜', 0.3], ['崔', 0.2], ['钟', 0.3], ['谭', 0.2],
  ['陆', 0.6], ['汪', 0.6], ['范', 0.3], ['金', 1.2], ['石', 0.2], ['廖', 0.2], ['贾', 0.2], ['夏', 0.3],
  ['方', 0.6], ['邵', 0.5], ['钱', 0.8], ['俞', 0.7], ['傅', 0.4], ['顾', 0.3], ['毛', 0.4], ['章', 0.5],
  ['楼', 0.3], ['严', 0.2], ['孔', 0.2], ['屠', 0.1], ['倪', 0.2], ['施', 0.3], ['邱', 0.2], ['应', 0.2],
];
const surnameChars = SURNAMES.map(([s]) => s);
const surnameWeights = SURNAMES.map(([, w]) => w);

const MALE_CHARS = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建国峰亮成志海东文晨轩睿博然哲翔宏庆祥荣立新永毅彬宸航';
const FEMALE_CHARS = '芳娜敏静丽艳娟霞秀燕玲桂英红梅琳婷雪慧颖倩洁佳欣怡悦萱涵诗雨梓晓丹蕾薇琴云菲萍莉婉璐瑶妍';
const NEUTRAL_CHARS = '子一嘉可文明晓思安家乐天雨春秋俊佳瑞博嘉诗若宇';

/** A surname drawn by frequency. */
export function drawSurname(rng: Rng): string {
  return surnameChars[rng.weightedIndex(surnameWeights)];
}

/** A one- or two-character given name; single names are commoner among older people. */
export function drawGivenName(rng: Rng, gender: Gender, birthYear: number): string {
  const singleShare = birthYear < 1970 ? 0.3 : birthYear < 1990 ? 0.2 : 0.12;
  const pool = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const first = rng.chance(0.25) ? pickChar(rng, NEUTRAL_CHARS) : pickChar(rng, pool);
  if (rng.chance(singleShare)) return pickChar(rng, pool);
  let second = pickChar(rng, pool);
  // Reduplicated names (婷婷, 欢欢) are common for women; other repeats are avoided.
  if (second === first && !(gender === 'female' && rng.chance(0.5))) second = pickChar(rng, pool);
  return first + second;
}

/** A full name: surname and given name, two or three characters. */
export function drawChineseName(rng: Rng, gender: Gender, birthYear: number): string {
  return drawSurname(rng) + drawGivenName(rng, gender, birthYear);
}

function pickChar(rng: Rng, chars: string): string {
  return chars[rng.int(0, chars.length - 1)];
}
