/**
 * Administrative names the address parser recognises with or without their suffix (浙江/浙江省,
 * 杭州/杭州市, 西湖/西湖区). The default is the service territory of the demo utility: Zhejiang,
 * Hangzhou and its thirteen county-level divisions (2021 boundaries).
 */
export interface AddressGazetteer {
  readonly provinces: readonly string[];
  readonly cities: readonly string[];
  readonly districts: readonly string[];
}

export const hangzhouGazetteer: AddressGazetteer = {
  provinces: ['浙江省'],
  cities: ['杭州市'],
  districts: [
    '上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '富阳区', '临安区', '临平区', '钱塘区',
    '桐庐县', '淳安县', '建德市',
    // Divisions abolished in 2021 but still written on old bills and ID-card addresses.
    '下城区', '江干区',
  ],
};
