import type { TicketCategory } from '../../core/schemas/service.js';
import { rows, type TicketTemplate } from './template-text.js';

/** English phrasings, written as expatriate customers and English-language app users would. */
export const enTemplates: Record<TicketCategory, TicketTemplate[]> = {
  consultation: rows([
    ['tiered_tariff', 'Could you tell me at how many kWh the second tier of the tiered tariff starts?'],
    ['tou_tariff', "I'd like to know the off-peak hours of the time-of-use tariff and how much cheaper a kWh is then."],
    ['bill_query', 'Where can I see the details of my bill for {month}? I could not find them in the app.'],
    ['payment_method', 'Is it possible to pay the electricity bill automatically by WeChat Pay? How do I set it up?'],
    ['planned_outage', 'Could you tell me whether there is a planned outage near {road} {futureDate}, and when power will be back?'],
    ['general_info', 'Could you tell me how to get an invoice for my electricity bill, account {accountNo}?'],
  ]),
  fault_repair: rows([
    ['outage', 'We have had no power at {home} since {time}. The whole building is dark, please send someone to repair it.'],
    ['outage', 'Power outage in our area near {road} for {duration} already. When will it be fixed?'],
    ['single_outage', 'The main breaker at {home} keeps tripping and we have no power. Please send an electrician to repair it.'],
    ['voltage_quality', 'The voltage at {home} is very low in the evening, the lights flicker and the {appliance} shuts down. Please check the line.'],
    ['line_hazard', 'A power line is down on {road} and sparking. It is dangerous, please send a repair crew urgently.'],
  ]),
  complaint: rows([
    ['bill_dispute', "I want to file a complaint: my bill for {month} is {amount}, far higher than usual, and we didn't use more power."],
    ['frequent_outage', 'This is the {ordinal} outage this month and nobody warned us. I am very unhappy and want to complain.'],
    ['repair_delay', 'I reported the fault {pastDate} and after {duration} nobody has come. I want to complain about this slow service.'],
    ['service_attitude', 'I want to complain about the staff at the service hall, who were rude and sent me back and forth {count} times.'],
    ['billing_error', 'I was charged twice by bank debit, {amount} in total, and still have no refund. This is unacceptable, I am filing a complaint.'],
  ]),
  report: rows([
    ['power_theft', 'I want to report electricity theft: a {shop} on {road} seems to bypass its meter with a wire.'],
    ['power_theft', 'I would like to report my neighbour for stealing electricity; something has been fitted to their meter.'],
    ['illegal_construction', 'I want to report illegal construction under the high-voltage line on {road}.'],
    ['staff_misconduct', 'I want to report someone pretending to be from the power company and collecting cash door to door.'],
  ]),
  opinion: rows([
    ['notice_opinion', 'In my opinion the outage notices are poor: a paper notice downstairs is easy to miss.'],
    ['service_opinion', 'My opinion is that the service hall needs more counters; I queued for {duration}.'],
    ['tariff_opinion', 'I feel the tiered tariff is unfair to large families like ours with {people} people.'],
    ['service_opinion', 'In my opinion the new version of the app is harder to use than the old one.'],
  ]),
  suggestion: rows([
    ['app_suggestion', 'I suggest adding hourly usage charts to the app so we can save energy.'],
    ['service_suggestion', 'I suggest sending a text message before planned outages so people can prepare.'],
    ['facility_suggestion', 'I would suggest building more public EV chargers near {road}.'],
    ['service_suggestion', 'My suggestion: please open the service hall on weekends for people who work.'],
  ]),
  praise: rows([
    ['repair_praise', 'Many thanks to the repair crew: power was back in less than {shortDuration}. Great job!'],
    ['staff_praise', 'I want to praise {staff} at the service hall, who was patient and very helpful. Thank you!'],
    ['repair_praise', 'Thank you for repairing the line overnight during the storm. Well done, and thanks to {staff}.'],
    ['staff_praise', 'Thanks to the engineer who installed our meter, very professional and friendly. Well done!'],
  ]),
  service_request: rows([
    ['new_connection', 'I would like to apply for a new electricity connection at {address}. What documents are needed?'],
    ['tariff_change', 'I would like to apply to switch account {accountNo} to the time-of-use (peak/valley) tariff.'],
    ['name_transfer', 'I would like to apply for a name transfer of account {accountNo}; I bought this flat recently.', 'residential'],
    ['meter_check', 'I would like to apply for a meter accuracy test for account {accountNo}.'],
    ['ev_charger_install', 'I would like to apply to install an EV charger at my parking space at {address}.'],
    ['pv_grid_connection', 'I would like to apply for grid connection of a {pvKw} rooftop solar system.'],
    ['capacity_change', 'We would like to apply for a capacity increase from {capacity} to {capacity2} for new equipment.', 'business'],
  ]),
};
