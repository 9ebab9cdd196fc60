import { rows, type TicketTemplate } from './template-text.js';

/** Chinese phrasings of questions (咨询). */
export const zhConsultation: TicketTemplate[] = rows([
  ['tiered_tariff', '{ask}阶梯电价第二档是从多少度开始算的？'],
  ['tiered_tariff', '想咨询一下，我们家{month}用了{kwh}，是不是已经超过第一档了？第二档按什么价格算？', 'residential'],
  ['tiered_tariff', '{ask}人口多的家庭可以申请增加阶梯电量基数吗？需要准备什么材料？', 'residential'],
  ['tou_tariff', '{ask}峰谷电价的谷时段是几点到几点？谷电每度比峰电便宜多少？'],
  ['tou_tariff', '{ask}{home}如果用峰谷电，晚上用{appliance}会不会更划算一些？'],
  ['bill_query', '{ask}怎么查{month}的电费明细？我在{appName}上没找到。'],
  ['bill_query', '想问一下户号{accountNo}{month}的电费是{amount}，能告诉我具体是怎么算出来的吗？'],
  ['payment_method', '{ask}电费可以用{payApp}自动扣款吗？怎么绑定？'],
  ['payment_method', '{ask}银行代扣的电费每个月几号扣款？我换了银行卡要怎么改？'],
  ['payment_method', '{ask}现在还能去营业厅用现金交电费吗？营业厅几点开门？'],
  ['planned_outage', '{ask}{road}这边{futureDate}是不是有计划停电？大概几点能恢复？'],
  ['planned_outage', '听说{subdistrict}{futureDate}要检修线路，请问我们{premises}在不在停电范围里面？'],
  ['pv_policy', '想了解一下{premises}屋顶装光伏，余电上网的电价是多少？有没有补贴？'],
  ['ev_tariff', '{ask}小区里装的私人充电桩电价怎么算，是按居民电价还是按商业电价？'],
  ['general_info', '{ask}电费发票在哪里可以开？需要提供什么信息？'],
  ['general_info', '{ask}户号{accountNo}登记的户主是谁？我想确认一下信息对不对。'],
  ['tou_tariff', '{ask}峰谷电价一天分几个时段？{home}把{appliance}放在晚上用能省多少钱？'],
  ['bill_query', '{ask}户号{accountNo}{month}一共用了多少度电？我想核对一下电费。'],
  ['general_info', '{ask}{subdistrict}附近的供电营业厅在哪里？周末上不上班？'],
  ['ev_tariff', '{ask}充电桩如果执行峰谷电价，谷时段充电每度多少钱？'],
]);

/** Chinese phrasings of service requests (业务办理). */
export const zhServiceRequest: TicketTemplate[] = rows([
  ['new_connection', '我想申请新装电表，新房子在{address}，办理需要带什么材料？', 'residential'],
  ['new_connection', '我们{premises}新开业，需要办理新装用电，报装容量大概{capacity}，请帮忙办理。', 'business'],
  ['new_connection', '申请办理新装用电，地址是{address}，请安排人员上门勘查。'],
  ['capacity_change', '我们厂要增加设备，想申请增容，从{capacity}增加到{capacity2}，怎么办理？', 'business'],
  ['capacity_change', '申请办理减容，{premises}最近停了一条生产线，想把容量减下来省点基本电费。', 'business'],
  ['name_transfer', '房子是买的二手房，想办理电费户名过户，户号{accountNo}，需要什么手续？', 'residential'],
  ['name_transfer', '申请办理更名，原户主是我父亲，现在要改成我的名字，户号{accountNo}。', 'residential'],
  ['name_transfer', '公司名称变更了，申请办理用电户名变更，户号{accountNo}。', 'business'],
  ['tariff_change', '我想申请把电价改成峰谷电价，户号{accountNo}，请帮我办理一下。'],
  ['tariff_change', '申请办理峰谷分时电价，{home}晚上用电多，想改成峰谷电。'],
  ['meter_check', '申请校验电表，户号{accountNo}，感觉电表走得有点快，请安排人上门检测。'],
  ['meter_check', '我要办理电表校验业务，{month}用了{kwh}，想确认一下电表准不准。'],
  ['payment_issue', '申请办理银行代扣业务，以后电费直接从银行卡里扣，户号{accountNo}。'],
  ['payment_issue', '申请办理电费退费，{month}多交了{amount}，请帮我办理退款。'],
  ['payment_issue', '我要办理缴费方式变更，从银行代扣改成支付宝缴费，户号{accountNo}。'],
  ['ev_charger_install', '我在小区买了车位，想申请安装充电桩，需要物业出证明吗？怎么办理？', 'residential'],
  ['ev_charger_install', '申请安装电动汽车充电桩，车位在{address}的地下车库，请安排勘查。'],
  ['pv_grid_connection', '{home}屋顶装了{pvKw}的光伏，想申请并网，需要办理哪些手续？'],
  ['pv_grid_connection', '申请分布式光伏并网，装机容量{pvKw}，选择自发自用余电上网，请受理。'],
]);

/** The templates above by category. */
export const zhRequestTemplates = {
  consultation: zhConsultation,
  service_request: zhServiceRequest,
} as const;
