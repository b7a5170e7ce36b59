import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/validation.ts';
import { localePath } from '../../i18n/locale.ts';
import { authorize } from '../accounts/policy.ts';
import { writeContext } from '../accounts/write-context.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { getDataset } from '../datasets/dataset.service.ts';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import { sanitizeFileName } from '../storage/file-name.ts';
import { openFileStore, storageSettingsOf } from '../storage/open-file-store.ts';
import { sniffUpload } from '../storage/upload-sniff.ts';
import { recordUpload } from '../storage/upload.service.ts';
import { requireSignedIn, type ManageRouteOptions } from './account-scope.ts';
import { formOfRecord } from './dataset-form.ts';
import { manageContext, sendManagePage, signedIn } from './manage-context.ts';
import { manageMessages } from './manage-messages.ts';
import { csrfCheckedParts, fieldsThenFile } from './multipart-form.ts';
import { DatasetFormPage } from './views/dataset-form-page.tsx';

/**
 * POST /manage/datasets/{datasetId}/resources/{resourceID}/file: a resource's upload
 * form without JavaScript (multipart/form-data: `_csrf` first, then the part `file`).
 * The token is checked before the file is read (multipart-form.ts), the role and the
 * resource before the body's size; then the same steps as the script's PUT
 * (resource-upload.routes.ts): streamed into the store's staging area within the upload
 * size limit, sniffed, committed and recorded by the storage service as a new version.
 * The answer is 303 to the edit page with a notice; a refused file shows the edit page
 * with the problem at the upload (400, 413, 422).
 */

const Params = z.object({
  datasetId: z.coerce.number().int().min(1).max(2_147_483_647),
  resourceId: z.string().trim().min(1).max(100),
});
const TOO_LARGE_CODES = new Set(['PAYLOAD_TOO_LARGE', 'FST_REQ_FILE_TOO_LARGE']);
/** Refusals of the file itself, shown on the form (anything else is an error page). */
const FILE_PROBLEMS = new Set<string>(['FILE_EMPTY', 'ARCHIVE_TOO_MANY_ENTRIES', 'ARCHIVE_TOO_LARGE']);
/** What multipart framing and the `_csrf` field add to a file at most. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export const resourceUploadFormRoutes: FastifyPluginAsync<ManageRouteOptions> = async (app, options) => {
  const { catalogue, settings, jobQueue, locale } = options;
  const mm = manageMessages(locale);
  const store = openFileStore(settings);
  const { uploadMaxBytes: maxBytes } = storageSettingsOf(settings);
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `The file is over the ${maxBytes}-byte upload limit`);
  // Only this plugin's routes take multipart bodies.
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1 } });

  function messageOf(error: AppError): string {
    if (error.code === 'PAYLOAD_TOO_LARGE') return mm.uploadTooLarge((maxBytes / 1024 / 1024).toFixed(1));
    if (error.code === 'FILE_EMPTY') return mm.uploadEmpty;
    if (error.code === 'VALIDATION_FAILED') return mm.uploadChooseFile;
    return error.message;
  }

  /** The edit page with the refused file's problem at its resource. */
  function refused(
    request: FastifyRequest,
    reply: FastifyReply,
    dataset: DatasetRecord,
    resourceID: string,
    error: AppError,
  ): FastifyReply {
    const ctx = manageContext(request, reply, options);
    const uploadProblem = { resourceID, message: messageOf(error) };
    return sendManagePage(
      reply,
      ctx,
      <DatasetFormPage
        ctx={ctx}
        data={{ values: formOfRecord(dataset), problems: [], dataset, uploadProblem }}
      />,
      error.status,
    );
  }

  app.post(
    '/manage/datasets/:datasetId/resources/:resourceId/file',
    { config: { html: true, csrf: 'multipart' }, preHandler: requireSignedIn },
    async (request, reply) => {
      const parts = await csrfCheckedParts(request, reply, { maxBytes, fields: 2 });
      const principal = signedIn(request);
      const params = parseOrThrow(Params, request.params, 'path');
      const dataset = await getDataset(catalogue, params.datasetId);
      authorize(principal, 'resource.upload', dataset.organizationId);
      const resourceId = params.resourceId;
      if (!dataset.distribution.some((r) => r.resourceID === resourceId))
        throw new AppError(
          'RESOURCE_NOT_FOUND',
          `Dataset ${dataset.identifier} has no resource ${resourceId}`,
        );
      if (Number(request.headers['content-length'] ?? 0) > maxBytes + FORM_OVERHEAD_BYTES) {
        reply.header('connection', 'close');
        return refused(request, reply, dataset, resourceId, tooLarge());
      }
      const { file } = await fieldsThenFile(parts, 'file');
      if (!file)
        return refused(request, reply, dataset, resourceId, new AppError('VALIDATION_FAILED', 'No file'));
      const fileName = sanitizeFileName(file.filename);
      let staged;
      try {
        staged = await store.stage(file.file, { maxBytes });
      } catch (error) {
        reply.header('connection', 'close');
        if (!TOO_LARGE_CODES.has((error as { code?: string }).code ?? '')) throw error;
        return refused(request, reply, dataset, resourceId, tooLarge());
      }
      let result;
      try {
        if (staged.size === 0) throw new AppError('FILE_EMPTY', 'The uploaded file has no bytes');
        const sniffed = await sniffUpload(staged.path, fileName);
        const stored = await store.commit(staged);
        result = await recordUpload(
          catalogue,
          { datasetId: dataset.datasetId, resourceId, publicUrl: settings.publicUrl },
          { stored, mediaType: sniffed.mediaType, originalName: fileName },
          writeContext(request, 'resource.upload'),
        );
      } catch (error) {
        // The file's own problems (empty, an archive over its limits) go back to the form.
        if (!(error instanceof AppError) || !FILE_PROBLEMS.has(error.code)) throw error;
        return refused(request, reply, dataset, resourceId, error);
      } finally {
        await store.discard(staged);
      }
      const { record, changed } = result;
      if (changed) await queueChecksAfterWrite(jobQueue, catalogue, record.datasetId, 'change', request.log);
      const notice = changed ? 'uploaded' : 'uploadUnchanged';
      return reply.redirect(
        localePath(locale, `/manage/datasets/${dataset.datasetId}/edit?notice=${notice}`),
        303,
      );
    },
  );
};
