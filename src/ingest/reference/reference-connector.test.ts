import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConnectorContract, type FixtureSpec } from '../connector-contract.testkit.js';
import { ReferenceConnector } from './reference-connector.js';

const header = 'customer_id,name,customer_type,industry_code,region,district,address,phone,id_number,voltage_level,contract_capacity_kva,tariff_id,area_id,feeder_id,open_date,status,marketing_consent,time_zone';
const customer = (i: number, phone = `1381234${String(i).padStart(4, '0')}`, type = 'residential') =>
  `C${String(i).padStart(8, '0')},"张三, ${i}",${type},RES,杭州市,西湖区,浙江省杭州市西湖区文三路${i}号,${phone},3301,220V,6.0,ZJ-RES-TIER,TA00001,FD0001,2020-01-01,active,true,Asia/Shanghai`;

/** customers.csv (quoted names with commas); bad rows: a landline phone, an unknown customer type, a short row. */
function makeFixture(dir: string, { rows, bad }: FixtureSpec) {
  const lines = [header];
  for (let i = 1; i <= rows; i++) lines.push(customer(i));
  const badLines = [customer(90001, '0571-8888'), customer(90002, undefined, 'alien'), 'C09999999,short'];
  for (let k = 0; k < bad; k++) lines.splice(2 + k * 4, 0, badLines[k % badLines.length]);
  const path = join(dir, 'customers.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return { path, expectedRows: rows };
}

runConnectorContract({ name: 'reference', create: (config) => new ReferenceConnector(config), makeFixture });
