import type { RouteDef } from '../route.js';
import { adminRoutes } from './admin.js';
import { analyticsRoutes } from './analytics.js';
import { authRoutes } from './auth.js';
import { customerRoutes } from './customers.js';
import { exportRoutes } from './exports.js';
import { healthRoutes } from './health.js';
import { marketingRoutes } from './marketing.js';
import { platformDataRoutes } from './platform-data.js';
import { riskRoutes } from './risk.js';

/** Every API route. A resource adds its file here; its id must be in the permission table. */
export const allRoutes: readonly RouteDef[] = [
  ...healthRoutes, ...authRoutes, ...platformDataRoutes, ...customerRoutes, ...analyticsRoutes, ...riskRoutes, ...marketingRoutes, ...exportRoutes, ...adminRoutes,
];
