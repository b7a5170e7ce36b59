import type { FastifyPluginAsync } from 'fastify';
import type { ManageRouteOptions } from './account-scope.ts';
import { logoutRoutes } from './logout.routes.ts';
import { datasetFormRoutes } from './dataset-form.routes.tsx';
import { manageHomeRoutes } from './manage-home.routes.tsx';
import { memberRoutes } from './members.routes.tsx';
import { resourceUploadRoutes } from './resource-upload.routes.ts';
import { resourceUploadFormRoutes } from './resource-upload-form.routes.tsx';
import { manageImportRoutes } from './manage-import.routes.tsx';
import { manageVersionRoutes } from './version.routes.tsx';
import { manageAuditRoutes } from './audit.routes.tsx';
import { manageApiKeyRoutes } from './api-keys.routes.tsx';
import { datasetQualityRoutes } from './dataset-quality.routes.tsx';
import { accountRoutes } from '../accounts/account.routes.tsx';
import { loginRoutes } from '../accounts/login.routes.tsx';
import { oidcRoutes } from '../accounts/oidc.routes.ts';
import { passwordRoutes } from '../accounts/password.routes.tsx';
import { registerRoutes } from '../accounts/register.routes.tsx';

/**
 * Every route plugin of the account and back-office pages, registered once for each
 * language inside the account scope (account-scope.ts: session, CSRF, no-store).
 */
export const MANAGE_ROUTE_PLUGINS: FastifyPluginAsync<ManageRouteOptions>[] = [
  logoutRoutes,
  loginRoutes,
  registerRoutes,
  passwordRoutes,
  accountRoutes,
  oidcRoutes,
  manageVersionRoutes,
  manageAuditRoutes,
  manageApiKeyRoutes,
  manageHomeRoutes,
  datasetFormRoutes,
  memberRoutes,
  resourceUploadRoutes,
  resourceUploadFormRoutes,
  manageImportRoutes,
  datasetQualityRoutes,
];
