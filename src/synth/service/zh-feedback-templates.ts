import { rows, type TicketTemplate } from './template-text.js';

/** Chinese phrasings of opinions (意见). */
export const zhOpinion: TicketTemplate[] = rows([
  ['notice_opinion', '{opinionLead}对你们的停电通知有意见，每次都是临时在楼下贴张纸条，{feel}很多人根本看不到。'],
  ['service_opinion', '{opinionLead}营业厅只有一个窗口办业务，排队要{duration}，{feel}太不方便了。'],
  ['tariff_opinion', '{feel}阶梯电价对人口多的家庭不太公平，我们家{people}口人，用电肯定比别人多，{opinionTail}', 'residential'],
  ['service_opinion', '{opinionLead}电费账单的明细写得太复杂了，{feel}普通老百姓根本看不懂，{opinionTail}'],
  ['service_opinion', '{opinionLead}上门的师傅来之前最好先打个电话，{pastDate}就白等了{duration}，{opinionTail}'],
  ['notice_opinion', '对你们的催费短信有意见，{pastDate}一天发了{count}条，{feel}像骚扰一样。'],
  ['service_opinion', '{appName}更新以后反而不好用了，找个电费账单要点好几层，对这个改版有意见。'],
  ['tariff_opinion', '{opinionLead}峰谷电价的谷时段从晚上十点才开始，{feel}有点晚，{opinionTail}'],
  ['service_opinion', '95598的语音菜单太长了，{pastDate}转人工等了{duration}，{feel}你们应该重视一下这个意见。'],
  ['notice_opinion', '对{subdistrict}计划停电的安排有意见，每次都选在周末白天，{feel}对{premises}影响很大。'],
]);

/** Chinese phrasings of suggestions (建议). */
export const zhSuggestion: TicketTemplate[] = rows([
  ['app_suggestion', '{suggest}{appName}增加按小时查看用电量的功能，方便我们节约用电。'],
  ['app_suggestion', '{suggest}在{appName}上可以直接预约上门服务，这样就不用打电话了，{hope}采纳。'],
  ['app_suggestion', '{suggest}APP首页放一些节能小贴士，比如{appliance}怎么用更省电，{hope}考虑一下。'],
  ['service_suggestion', '{suggest}停电前{days}通过短信或者微信提前通知一下，让大家做好准备。'],
  ['service_suggestion', '{hope}增加周末营业时间，上班族平时没空去营业厅，{suggest}{subdistrict}营业厅周六也开门。'],
  ['service_suggestion', '{suggest}电费账单上加一个和去年同期的对比，这样能看出{premises}用电的变化。'],
  ['service_suggestion', '{suggest}给老年人保留现金缴费的窗口，不是每个老人都会用{payApp}，{hope}采纳。'],
  ['service_suggestion', '{suggest}抢修完成以后发条短信告诉大家已经恢复供电了，{hope}能做到。'],
  ['facility_suggestion', '{suggest}在{subdistrict}附近多建几个公共充电桩，现在电动车越来越多了。'],
  ['facility_suggestion', '{suggest}把{road}那边的老旧电线改造一下，换成地下电缆，既安全又美观。'],
  ['app_suggestion', '{suggest}{appName}增加电费预警功能，月用电超过{kwh}就提醒一下，{hope}采纳。'],
  ['facility_suggestion', '{suggest}给{subdistrict}的老小区做一下电力增容改造，夏天用电高峰{appliance}都开不起来。'],
]);

/** Chinese phrasings of praise (表扬). */
export const zhPraise: TicketTemplate[] = rows([
  ['repair_praise', '{praiseLead}{staff}，{pastDate}来我们{premises}修电路，很专业也很耐心，{thanks}！'],
  ['repair_praise', '{thanks}抢修队，停电以后不到{shortDuration}就恢复供电了，速度很快，点赞！'],
  ['repair_praise', '感谢供电公司，昨天下暴雨还连夜抢修，大家辛苦了，给你们点个赞。'],
  ['repair_praise', '我家老人一个人在家遇到停电，你们的师傅很快就赶到了，{thanks}，特此表扬。', 'residential'],
  ['repair_praise', '{thanks}{staff}，大热天在外面检修线路，非常辛苦，值得表扬。'],
  ['staff_praise', '营业厅的{staff}服务态度特别好，很快帮我办完了业务，要表扬一下。'],
  ['staff_praise', '想表扬{agent}，很耐心地给我解释电费是怎么算的，谢谢你们。'],
  ['staff_praise', '上门装表的师傅很负责，还顺便帮我检查了{premises}的线路，特此表扬。'],
  ['staff_praise', '给{subdistrict}供电所点赞，充电桩从申请到通电只用了{days}，效率很高，表示感谢。'],
  ['staff_praise', '对这次服务非常满意，问题解决得又快又好，感谢{staff}，表扬你们的团队。'],
]);

/** The templates above by category. */
export const zhFeedbackTemplates = {
  opinion: zhOpinion,
  suggestion: zhSuggestion,
  praise: zhPraise,
} as const;
