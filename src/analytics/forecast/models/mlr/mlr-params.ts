import { z } from 'zod';

/**
 * Hyper-parameters of the multiple linear regression load models. `vanilla-mlr` is Tao Hong's
 * GEFCom2012 benchmark: trend + month + weekday × hour + (T, T², T³) × (1, month, hour).
 * `recency-mlr` adds the same temperature polynomial, interactions included, for lagged hourly
 * temperatures and the previous days' mean temperatures (the recency effect of Wang, Liu and Hong
 * 2016), and holiday effects by hour.
 */
export const MlrParams = z.object({
  /** Exogenous column with the temperature (any unit; it is standardised on the training rows). */
  temperature: z.string().min(1).default('temperature'),
  /** Linear trend term (years since 2000). */
  trend: z.boolean().default(true),
  /** Hourly temperature lags, each a full polynomial-with-interactions group. */
  temperatureLagsHours: z.array(z.number().int().min(1).max(72)).default([]),
  /** Mean temperature of the d-th previous local day, each a full group. */
  temperatureDailyMeans: z.array(z.number().int().min(1).max(7)).default([]),
  /**
   * Holiday × hour and (working day next to a holiday) × hour terms from the series' holiday
   * calendar; a make-up working day (调休) takes the weekday × hour profile of a Wednesday.
   */
  holidays: z.boolean().default(false),
  /**
   * Ridge penalty on dummies and interactions, relative to each column's sum of squares: keeps rare
   * interaction terms stable; main effects stay unpenalised, so an unseen month falls back to them.
   */
  ridge: z.number().min(0).max(1).default(1e-7),
});
export type MlrParams = z.output<typeof MlrParams>;
export type MlrParamsInput = z.input<typeof MlrParams>;

/** Defaults of the `recency-mlr` registry entry (explicit parameters override them). */
export const RECENCY_DEFAULTS: MlrParamsInput = {
  temperatureLagsHours: [1, 2, 3],
  temperatureDailyMeans: [1],
  holidays: true,
};
