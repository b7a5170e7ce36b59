import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/validation.ts';
import { localePath } from '../../i18n/locale.ts';
import { authorize, organizationsWith } from '../accounts/policy.ts';
import type { UserPrincipal } from '../accounts/session-auth.ts';
import { writeContext } from '../accounts/write-context.ts';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import { storageSettingsOf } from '../storage/open-file-store.ts';
import { requireSignedIn, type ManageRouteOptions } from './account-scope.ts';
import {
  discardStagedImport,
  importStagingDir,
  readStagedImport,
  stageImport,
  type StagingOwner,
} from './import-staging.ts';
import { importMessages } from './import-messages.ts';
import { importForOrganization, reviewImport } from './manage-import.service.ts';
import { organizationsByIds } from './manage.repo.ts';
import { manageContext, sendManagePage, signedIn } from './manage-context.ts';
import { csrfCheckedParts, fieldsThenFile } from './multipart-form.ts';
import { ManageImportPage, type ManageImportData } from './views/manage-import-page.tsx';

/**
 * 批次匯入 (/manage/import), for editors: GET shows the form; POST (multipart: `_csrf`
 * first, then `organization`, then `file`; the token checked by multipart-form.ts before
 * the file is read) stages the file (import-staging.ts) and answers with the dry run —
 * each row's action and every problem with its line — and, when nothing is wrong, a
 * confirmation form naming the staged file; POST /manage/import/confirm (urlencoded,
 * CSRF-checked by the account scope) imports the staged file of this session through
 * the dataset service and answers 303 back to the page with the counts.
 */

/** The largest catalogue file the page takes (and never more than the upload limit). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const FORM_OVERHEAD_BYTES = 64 * 1024;
const TOO_LARGE_CODES = new Set(['PAYLOAD_TOO_LARGE', 'FST_REQ_FILE_TOO_LARGE']);

const Id = z.coerce.number().int().min(1).max(2_147_483_647);
const PageQuery = z.object({
  organization: Id.optional(),
  created: z.coerce.number().int().min(0).max(10_000_000).optional(),
  updated: z.coerce.number().int().min(0).max(10_000_000).optional(),
});
const ConfirmBody = z.object({ stagingId: z.string().trim().max(100) });

const ownerOf = (principal: UserPrincipal): StagingOwner => ({
  sessionId: principal.sessionId,
  userId: principal.userId,
});

export const manageImportRoutes: FastifyPluginAsync<ManageRouteOptions> = async (app, options) => {
  const { catalogue, settings, jobQueue, locale } = options;
  const im = importMessages(locale);
  const maxBytes = Math.min(IMPORT_MAX_BYTES, storageSettingsOf(settings).uploadMaxBytes);
  const maxMb = String(Number((maxBytes / 1024 / 1024).toFixed(2)));
  const dir = importStagingDir(settings);
  // Only this plugin's routes take multipart bodies.
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1 } });

  /** The organisations the person may import for (editor or more); none: 403. */
  async function importable(principal: UserPrincipal): Promise<ManageImportData['organizations']> {
    const ids = organizationsWith(principal, 'editor');
    if (ids !== undefined && ids.length === 0)
      throw new AppError('FORBIDDEN', 'Bulk import needs the editor role in an organisation');
    const rows = await organizationsByIds(catalogue.db, ids);
    return rows.map((o) => ({ id: o.id, name: locale === 'en' && o.nameEn ? o.nameEn : o.nameZh }));
  }

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    data: Omit<ManageImportData, 'maxMb'>,
    status = 200,
  ): FastifyReply {
    const ctx = manageContext(request, reply, options);
    return sendManagePage(
      reply,
      ctx,
      <ManageImportPage ctx={ctx} im={im} data={{ ...data, maxMb }} />,
      status,
    );
  }

  /** The chosen organisation, when the person may import for it. */
  function chosen(
    principal: UserPrincipal,
    organizations: ManageImportData['organizations'],
    raw: string | undefined,
  ): ManageImportData['organizations'][number] {
    const id = parseOrThrow(Id, raw, 'organization');
    const organization = organizations.find((o) => o.id === id);
    if (organization) return organization;
    authorize(principal, 'dataset.create', id);
    throw new AppError('ORGANIZATION_NOT_FOUND', `No organisation ${id}`);
  }

  app.get(
    '/manage/import',
    { config: { html: true }, preHandler: requireSignedIn },
    async (request, reply) => {
      const organizations = await importable(signedIn(request));
      const query = parseOrThrow(PageQuery, request.query, 'query string');
      const notice =
        query.created !== undefined && query.updated !== undefined
          ? im.imported(query.created, query.updated)
          : undefined;
      return render(request, reply, { organizations, organizationId: query.organization, notice });
    },
  );

  app.post(
    '/manage/import',
    { config: { html: true, csrf: 'multipart' }, preHandler: requireSignedIn },
    async (request, reply) => {
      const parts = await csrfCheckedParts(request, reply, { maxBytes, fields: 2 });
      const principal = signedIn(request);
      const organizations = await importable(principal);
      const refuse = (problem: string, status: number, organizationId?: number) => {
        reply.header('connection', 'close');
        return render(request, reply, { organizations, organizationId, problem }, status);
      };
      if (Number(request.headers['content-length'] ?? 0) > maxBytes + FORM_OVERHEAD_BYTES)
        return refuse(im.tooLarge(maxMb), 413);
      const { fields, file } = await fieldsThenFile(parts, 'file');
      reply.header('connection', 'close');
      const organization = chosen(principal, organizations, fields.get('organization'));
      reply.removeHeader('connection');
      if (!file) return refuse(im.chooseFile, 400, organization.id);
      const fileName = (file.filename || 'catalogue').replace(/^.*[\\/]/, '').slice(0, 200);
      const owner = ownerOf(principal);
      let staged;
      try {
        staged = await stageImport(dir, file.file, {
          maxBytes,
          owner,
          organizationId: organization.id,
          fileName,
        });
      } catch (error) {
        if (!TOO_LARGE_CODES.has((error as { code?: string }).code ?? '')) throw error;
        return refuse(im.tooLarge(maxMb), 413, organization.id);
      }
      if (staged.size === 0) {
        await discardStagedImport(dir, staged.id);
        return refuse(im.emptyFile, 400, organization.id);
      }
      const { bytes } = await readStagedImport(dir, staged.id, owner);
      const review = await reviewImport(catalogue, bytes, organization.id);
      const writable = review.problems.length === 0 && review.counts.create + review.counts.update > 0;
      if (!writable) await discardStagedImport(dir, staged.id);
      const result = {
        fileName,
        organizationName: organization.name,
        review,
        stagingId: writable ? staged.id : undefined,
      };
      const status = review.problems.length > 0 ? 400 : 200;
      return render(request, reply, { organizations, organizationId: organization.id, result }, status);
    },
  );

  app.post(
    '/manage/import/confirm',
    { config: { html: true }, preHandler: requireSignedIn },
    async (request, reply) => {
      const principal = signedIn(request);
      const organizations = await importable(principal);
      const { stagingId } = parseOrThrow(ConfirmBody, request.body, 'form');
      const owner = ownerOf(principal);
      let waiting;
      try {
        waiting = await readStagedImport(dir, stagingId, owner);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return render(request, reply, { organizations, organizationId: undefined, problem: im.expired }, 400);
      }
      const { staged, bytes } = waiting;
      const organization = chosen(principal, organizations, String(staged.organizationId));
      let result;
      try {
        result = await importForOrganization(
          catalogue,
          bytes,
          organization.id,
          writeContext(request, 'dataset.create'),
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'IMPORT_INVALID') throw error;
        // The catalogue changed since the dry run: show what is wrong now.
        const review = await reviewImport(catalogue, bytes, organization.id);
        await discardStagedImport(dir, stagingId);
        const failed = {
          fileName: staged.fileName,
          organizationName: organization.name,
          review,
          stagingId: undefined,
        };
        return render(
          request,
          reply,
          { organizations, organizationId: organization.id, result: failed },
          400,
        );
      }
      await discardStagedImport(dir, stagingId);
      for (const id of result.created)
        await queueChecksAfterWrite(jobQueue, catalogue, id, 'publish', request.log);
      for (const id of result.updated)
        await queueChecksAfterWrite(jobQueue, catalogue, id, 'change', request.log);
      const done = `organization=${organization.id}&created=${result.created.length}&updated=${result.updated.length}`;
      return reply.redirect(localePath(locale, `/manage/import?${done}`), 303);
    },
  );
};
