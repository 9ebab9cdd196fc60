import { rows, type TicketTemplate } from './template-text.js';

/** Chinese phrasings of fault reports (故障报修). */
export const zhFaultRepair: TicketTemplate[] = rows([
  ['outage', '{home}从{time}开始停电，整栋楼都没电，请尽快派人来看看。'],
  ['outage', '{address}这边突然停电了，已经停了{duration}，邻居家也没电，什么时候能修好？'],
  ['outage', '报修：{road}附近一片都停电了，{appliance}都用不了了，麻烦赶紧派人抢修。'],
  ['outage', '我们{premises}{time}停电了，到现在还没来电，影响{impact}，请尽快安排抢修。'],
  ['outage', '停电了！{address}，{time}开始的，家里有老人，热得受不了，请尽快恢复供电。', 'residential'],
  ['outage', '{road}这边整条街都黑了，停电快{duration}了，也没看到抢修的人，麻烦派人来修一下。'],
  ['outage', '报修停电，户号{accountNo}，{time}突然没电，小区里好几栋都停了，请问什么时候来电？'],
  ['single_outage', '{home}总闸跳了，推不上去，别人家都有电，麻烦派个电工师傅过来看看。'],
  ['single_outage', '{premises}一开{appliance}就跳闸，现在整个屋子都没电了，请帮忙报修。'],
  ['single_outage', '只有{home}没电，楼道灯是亮的，空开合上又跳，请派人来检修，地址{address}。'],
  ['voltage_quality', '{home}电压很低，灯一闪一闪的，{appliance}都带不动，请派人来检修。'],
  ['voltage_quality', '最近晚上电压不稳，{appliance}老是自动关机，麻烦派人来测一下电压，看看是不是线路故障。'],
  ['meter_fault', '电表屏幕不亮了，户号{accountNo}，不知道是不是坏了，麻烦派人来检查维修。'],
  ['meter_fault', '{home}的电表一直在报警闪红灯，也没有显示读数，请安排人上门维修。'],
  ['line_hazard', '{road}路边的电线掉下来了，还在冒火花，很危险，请马上派人来抢修！'],
  ['line_hazard', '{address}门口的变压器有异响还冒烟，担心出事故，请赶紧派人来抢修。'],
  ['line_hazard', '刮大风把{road}的电线杆吹歪了，电线都快碰到地了，请尽快派人来维修。'],
]);

/** Chinese phrasings of complaints (投诉). */
export const zhComplaint: TicketTemplate[] = rows([
  ['bill_dispute', '这个月电费比上个月多了{amountDiff}，家里也没多用电，怀疑电表有问题，要求校验电表。', 'residential'],
  ['bill_dispute', '{complainLead}，{month}电费{amount}，平时也就{usualAmount}，你们是怎么算的？必须给我一个合理的解释。'],
  ['bill_dispute', '{premises}用电情况跟以前一样，电费却突然多了{amountDiff}，我对这个账单不认可，要投诉。'],
  ['frequent_outage', '{road}这一片这个月已经停了{count}次电了，{appliance}都坏了，我要投诉，你们到底管不管？'],
  ['frequent_outage', '三天两头停电，也不提前通知，{premises}的损失谁来承担？{angry}，要求赔偿。'],
  ['frequent_outage', '停电前没有任何通知，{premises}的{appliance}全坏了，投诉你们停电不告知。'],
  ['repair_delay', '我{pastDate}就报修了，到现在已经{duration}了还没人来，{complainLead}，你们抢修太慢了。'],
  ['repair_delay', '上次报修的师傅说第二天来修，结果{days}都没人来，对处理结果{angry}，要投诉。'],
  ['service_attitude', '投诉营业厅工作人员态度很差，办业务的时候很不耐烦，还让我来回跑了{count}趟。'],
  ['service_attitude', '打了好几次95598都没人接，接通了也是推来推去，问题一直没解决，{angry}，要投诉。'],
  ['meter_accuracy', '新换的智能电表走得特别快，换表以后每个月多出{amountDiff}，我不接受，要求你们给个说法。'],
  ['billing_error', '我明明已经交过电费了，还给我发催费短信，说要停电，这是什么服务？{complainLead}。'],
  ['billing_error', '银行卡被重复扣了两次电费，一共{amount}，打电话问了几次都没退，投诉你们，要求尽快退款。'],
  ['service_attitude', '{complainLead}，{pastDate}上门的工作人员说话很难听，还让我{days}之内自己想办法，{angry}。'],
  ['bill_dispute', '{complainLead}，{home}{month}电费{amount}，比平时多了{amountDiff}，你们必须重新核算。'],
  ['repair_delay', '{complainLead}，停电报修已经{duration}了，打了{count}次电话都说在处理，{angry}。'],
]);

/** Chinese phrasings of reports of wrongdoing or hazards (举报). */
export const zhReport: TicketTemplate[] = rows([
  ['power_theft', '{reportLead}，{road}有一家{shop}私拉电线偷电，好像绕过了电表，请你们去查一下。'],
  ['power_theft', '{reportLead}隔壁邻居窃电，他家电表上装了什么东西，用电那么多电费却很少。'],
  ['power_theft', '实名举报{road}的{shop}用让电表倒转的办法偷电，已经好几个月了，请依法查处。'],
  ['power_theft', '{reportLead}一个出租房，房东私接电线给租客用，还转手加价收电费，请核查。'],
  ['illegal_construction', '{reportLead}，{road}有人在高压线下面违章搭建房子，离电线很近，请你们处理。'],
  ['illegal_construction', '{reportLead}，有施工队在{road}电缆上方挖土，可能会挖断电缆，请尽快派人制止。'],
  ['safety_hazard', '举报{address}附近有人在变压器旁边堆放易燃杂物还烧垃圾，很危险。'],
  ['safety_hazard', '举报{road}的配电箱门一直开着，里面电线都露在外面，小孩子经常在旁边玩。'],
  ['staff_misconduct', '{reportLead}，有人冒充供电公司工作人员上门收费，说不交钱就停电，请核实。'],
  ['staff_misconduct', '{reportLead}，有抄表员收取好处费，说可以帮忙少算电费，请严肃处理。'],
  ['power_theft', '{reportLead}，{address}那边有人私自从路灯线上接电给{shop}用，请你们尽快查处。'],
  ['safety_hazard', '{reportLead}，{road}有棵大树的树枝压在电线上了，刮风的时候一直在晃，存在安全隐患。'],
  ['staff_misconduct', '{reportLead}，有人打电话自称供电局的，说{home}欠费{amount}，让我转账，怀疑是诈骗。'],
]);

/** The templates above by category. */
export const zhProblemTemplates = {
  fault_repair: zhFaultRepair,
  complaint: zhComplaint,
  report: zhReport,
} as const;
