import { describe, expect, it } from 'vitest';
import { parseAddress } from './address-parser.js';

const FLAT = { district: '西湖区', road: '文三路', number: '123', building: '5', unit: '2', room: '601' };

describe('parseAddress', () => {
  it('splits a full address into its parts', () => {
    expect(parseAddress('浙江省杭州市西湖区翠苑街道文三路123号翠苑一区5幢2单元601室')).toEqual({
      province: '浙江省', city: '杭州市', subdistrict: '翠苑街道', compound: '翠苑一区', ...FLAT,
    });
  });

  it.each([
    '杭州市西湖区文三路123号5幢2单元601室',
    '浙江杭州西湖区文三路123号5栋2单元601',
    '杭州西湖文三路１２３号５幢２单元６０１室',
    '西湖区 文三路123号 5-2-601',
    '浙江省杭州市西湖区文三路123号5号楼2单元601室',
    '西湖区文三路123号5栋2-601',
  ])('reads the variant %s as the same flat', (raw) => {
    expect(parseAddress(raw)).toMatchObject(FLAT);
  });

  it('does not take a road named after a district for the district (西湖大道)', () => {
    expect(parseAddress('杭州市上城区西湖大道8号')).toMatchObject({ district: '上城区', road: '西湖大道', number: '8' });
    expect(parseAddress('西湖大道8号')).toMatchObject({ road: '西湖大道', number: '8' });
    expect(parseAddress('西湖大道8号').district).toBeUndefined();
  });

  it('reads a county-level city as the district and a district written without 杭州 before it', () => {
    expect(parseAddress('建德市新安江路12号')).toMatchObject({ district: '建德市', road: '新安江路', number: '12' });
    expect(parseAddress('萧山区市心中路92号24栋1单元304室')).toMatchObject({ district: '萧山区', road: '市心中路', building: '24' });
  });

  it('reads rural addresses, numbered avenues, floors, shop fronts and tower rooms', () => {
    expect(parseAddress('浙江省杭州市萧山区瓜沥镇东山村3组12号')).toMatchObject({ subdistrict: '瓜沥镇', road: '东山村', building: 'G3', number: '12' });
    expect(parseAddress('杭州市钱塘区6号大街96号20-4-501')).toMatchObject({ road: '6号大街', number: '96', building: '20', unit: '4', room: '501' });
    expect(parseAddress('萧山区市心中路181号3楼')).toMatchObject({ number: '181', room: 'F3' });
    expect(parseAddress('杭州市上城凯旋新村5-2-602')).toMatchObject({ district: '上城区', compound: '凯旋新村', building: '5', unit: '2', room: '602' });
    expect(parseAddress('杭州市上城凯旋新村5-2-602').road).toBeUndefined();
    expect(parseAddress('西湖区古墩路12号2号商铺')).toMatchObject({ number: '12', room: 'S2' });
    expect(parseAddress('萧山区博学路30号B座514室')).toMatchObject({ number: '30', building: 'B', room: '514' });
  });

  it('keeps what it cannot place in rest', () => {
    expect(parseAddress('西湖区文三路123号5幢2单元601室旁')).toMatchObject({ ...FLAT, rest: '旁' });
    expect(parseAddress('')).toEqual({});
  });
});
