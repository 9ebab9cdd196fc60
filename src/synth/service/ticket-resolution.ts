import type { Ticket, TicketCategory } from '../../core/schemas/service.js';
import type { Rng } from '../rng.js';
import { topicInfo } from './ticket-topics.js';

type TicketChannel = Ticket['channel'];

const CHANNELS: readonly TicketChannel[] = ['hotline_95598', 'app', 'wechat', 'service_hall', 'web'];
const CHANNEL_WEIGHTS: Partial<Record<TicketCategory, readonly number[]>> = {
  fault_repair: [0.7, 0.12, 0.12, 0.02, 0.04],
  service_request: [0.2, 0.3, 0.15, 0.3, 0.05],
  praise: [0.6, 0.1, 0.2, 0.1, 0],
};
const DEFAULT_CHANNEL_WEIGHTS = [0.6, 0.15, 0.15, 0.05, 0.05];

/** The channel a ticket arrives by: faults are phoned in, service requests often made in person. */
export function drawTicketChannel(rng: Rng, category: TicketCategory): TicketChannel {
  return CHANNELS[rng.weightedIndex(CHANNEL_WEIGHTS[category] ?? DEFAULT_CHANNEL_WEIGHTS)];
}

/** Hours from creation to resolution, around the topic's median; most questions end on the call. */
export function drawResolutionHours(rng: Rng, category: TicketCategory, topic: string): number {
  if (category === 'consultation' && rng.chance(0.7)) return rng.uniform(0.02, 0.3);
  return topicInfo(topic).medianHours * rng.logNormal(1, 0.6);
}

/** Survey answer weights for scores 1..5. */
type Weights = readonly [number, number, number, number, number];

const FAULT_FAST: Weights = [0.02, 0.03, 0.08, 0.32, 0.55];
const FAULT_MID: Weights = [0.06, 0.1, 0.3, 0.34, 0.2];
const FAULT_SLOW: Weights = [0.25, 0.3, 0.28, 0.12, 0.05];
const COMPLAINT_FAST: Weights = [0.1, 0.15, 0.35, 0.25, 0.15];
const COMPLAINT_MID: Weights = [0.2, 0.3, 0.3, 0.15, 0.05];
const COMPLAINT_SLOW: Weights = [0.4, 0.35, 0.2, 0.04, 0.01];
const PRAISE: Weights = [0, 0, 0.02, 0.13, 0.85];
const OTHER_FAST: Weights = [0.01, 0.03, 0.12, 0.39, 0.45];
const OTHER_MID: Weights = [0.03, 0.07, 0.2, 0.37, 0.33];
const OTHER_SLOW: Weights = [0.08, 0.15, 0.3, 0.3, 0.17];

/** Satisfaction weights: repairs judged by restoration time, complaints by handling time. */
export function satisfactionWeights(category: TicketCategory, topic: string, hours: number): Weights {
  if (category === 'praise') return PRAISE;
  if (category === 'fault_repair') return hours < 2 ? FAULT_FAST : hours < 6 ? FAULT_MID : FAULT_SLOW;
  if (category === 'complaint') return hours < 24 ? COMPLAINT_FAST : hours < 72 ? COMPLAINT_MID : COMPLAINT_SLOW;
  const median = topicInfo(topic).medianHours;
  return hours <= median ? OTHER_FAST : hours <= 2 * median ? OTHER_MID : OTHER_SLOW;
}

/**
 * A 1..5 survey score, or null when the customer was not reached by the return visit (回访).
 * Complaint-prone customers mark down by one point now and then.
 */
export function drawSatisfaction(rng: Rng, category: TicketCategory, topic: string, hours: number, proneness: number): number | null {
  if (!rng.chance(0.7)) return null;
  const score = 1 + rng.weightedIndex(satisfactionWeights(category, topic, hours));
  return rng.chance(0.3 * proneness) ? Math.max(1, score - 1) : score;
}
