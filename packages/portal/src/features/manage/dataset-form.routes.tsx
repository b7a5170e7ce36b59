import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DATASET_STATUSES, type DatasetStatus } from '../../domain/dataset-status.ts';
import { AppError, type FieldProblem } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/validation.ts';
import { localePath } from '../../i18n/locale.ts';
import { authorize, organizationsWith } from '../accounts/policy.ts';
import type { Principal } from '../accounts/principal.ts';
import { writeContext } from '../accounts/write-context.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import {
  changeDatasetStatus,
  createDatasets,
  getDataset,
  recordToInput,
  updateDatasetMetadata,
} from '../datasets/dataset.service.ts';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import { requireSignedIn, type ManageRouteOptions } from './account-scope.ts';
import { checkDatasetForm, localizeProblem } from './dataset-form-check.ts';
import {
  formOfRecord,
  formValuesOf,
  inputOfForm,
  problemsOnForm,
  text,
  withAddedRow,
  withoutRow,
  type FormValues,
} from './dataset-form.ts';
import { organizationById } from './manage.repo.ts';
import { manageContext, noticeOf, sendManagePage, signedIn } from './manage-context.ts';
import { manageMessages } from './manage-messages.ts';
import { DatasetFormPage, type DatasetFormData } from './views/dataset-form-page.tsx';

/**
 * 新增/編輯資料集 in the back office: GET shows the form, POST saves it through the
 * dataset service (the same schema and rules as the API, the role checked and the audit
 * row written in the service's transaction) or, for the 新增/移除資料資源 buttons, shows
 * it again with one row more or less. POST /manage/datasets/validate answers the
 * live-validation script with the problems of a form, writing nothing.
 */

const DatasetParams = z.object({ datasetId: z.coerce.number().int().min(1).max(2_147_483_647) });
const ResourceRowAction = /^remove-resource-(\d{1,3})$/;

const StatusBody = z.object({
  status: z.enum(DATASET_STATUSES),
  delistingDate: z.string().trim().max(40).optional(),
});

const STATUS_NOTICES: Record<DatasetStatus, string> = {
  draft: 'saved',
  published: 'published',
  delisting_scheduled: 'scheduled',
  delisted: 'delisted',
  historical: 'historical',
};

/** Someone who may create datasets somewhere (an editor of some organisation, or a platform admin). */
function authorizeCreate(principal: Principal): void {
  const organizations = organizationsWith(principal, 'editor');
  if (organizations !== undefined && organizations.length === 0)
    throw new AppError('FORBIDDEN', 'dataset.create needs the editor role in an organisation');
}

/** The problems a failed save reports on fields, or undefined when the error is not about the form. */
function saveProblems(error: unknown, rowOfResource: readonly number[]): FieldProblem[] | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'DUPLICATE_IDENTIFIER')
    return [{ field: 'identifier', code: 'taken', message: error.message }];
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return undefined;
  return problemsOnForm(error.details as FieldProblem[], rowOfResource);
}

async function newFormValues(options: ManageRouteOptions, query: unknown): Promise<FormValues> {
  const values: FormValues = {
    type: 'rawData',
    license: '1',
    licenseURL: 'https://data.gov.tw/license',
    cost: '免費',
    accessLevel: 'open',
    language: 'zh',
  };
  const id = z.object({ organization: z.coerce.number().int().min(1).max(2_147_483_647) }).safeParse(query);
  const organization = id.success
    ? await organizationById(options.catalogue.db, id.data.organization)
    : undefined;
  if (organization) {
    values.publisher = organization.nameZh;
    values.publisherOID = organization.oid ?? '';
    values.identifier = organization.agencyCode ? `${organization.agencyCode}-` : '';
  }
  return withAddedRow(values);
}

export const datasetFormRoutes: FastifyPluginAsync<ManageRouteOptions> = async (app, options) => {
  const { catalogue, jobQueue, locale } = options;
  const mm = manageMessages(locale);
  const page = { config: { html: true }, preHandler: requireSignedIn };

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    data: DatasetFormData,
    status = 200,
  ): FastifyReply {
    const ctx = manageContext(request, reply, options);
    const problems = data.problems.map((p) => localizeProblem(p, mm));
    const statusProblem = data.statusProblem ? localizeProblem(data.statusProblem, mm) : undefined;
    return sendManagePage(
      reply,
      ctx,
      <DatasetFormPage ctx={ctx} data={{ ...data, problems, statusProblem }} />,
      status,
    );
  }

  /** 新增/移除資料資源: the same form again, one row more or less; undefined for a save. */
  function rowAction(values: FormValues): FormValues | undefined {
    const action = text(values, 'action');
    if (action === 'add-resource') return withAddedRow(values);
    const remove = ResourceRowAction.exec(action);
    return remove ? withoutRow(values, Number(remove[1])) : undefined;
  }

  async function editable(request: FastifyRequest): Promise<DatasetRecord> {
    const { datasetId } = parseOrThrow(DatasetParams, request.params, 'path');
    const dataset = await getDataset(catalogue, datasetId);
    authorize(request.principal, 'dataset.update', dataset.organizationId);
    return dataset;
  }

  const editPath = (datasetId: number, notice: string) =>
    localePath(locale, `/manage/datasets/${datasetId}/edit?notice=${notice}`);

  app.get('/manage/datasets/new', page, async (request, reply) => {
    authorizeCreate(request.principal);
    return render(request, reply, { values: await newFormValues(options, request.query), problems: [] });
  });

  app.post('/manage/datasets/new', page, async (request, reply) => {
    authorizeCreate(request.principal);
    const values = formValuesOf(request.body);
    const changedRows = rowAction(values);
    if (changedRows) return render(request, reply, { values: changedRows, problems: [] });
    const form = inputOfForm(values);
    const check = await checkDatasetForm(catalogue.db, request.principal, form, { action: 'dataset.create' });
    if (check.problems.length > 0) return render(request, reply, { values, problems: check.problems }, 400);
    let created: DatasetRecord | undefined;
    try {
      [created] = await createDatasets(
        catalogue,
        [{ input: form.input }],
        writeContext(request, 'dataset.create'),
      );
    } catch (error) {
      const problems = saveProblems(error, form.rowOfResource);
      if (!problems) throw error;
      return render(request, reply, { values, problems }, 400);
    }
    if (!created) throw new AppError('INTERNAL', 'The dataset was not created');
    await queueChecksAfterWrite(jobQueue, catalogue, created.datasetId, 'publish', request.log);
    return reply.redirect(editPath(created.datasetId, 'created'), 303);
  });

  app.get('/manage/datasets/:datasetId/edit', page, async (request, reply) => {
    const dataset = await editable(request);
    const notice = noticeOf(request.query, mm.notices);
    return render(request, reply, { values: formOfRecord(dataset), problems: [], dataset, notice });
  });

  app.post('/manage/datasets/:datasetId/edit', page, async (request, reply) => {
    const dataset = await editable(request);
    const values = formValuesOf(request.body);
    const changedRows = rowAction(values);
    if (changedRows) return render(request, reply, { values: changedRows, problems: [], dataset });
    const form = inputOfForm(values, recordToInput(dataset));
    const check = await checkDatasetForm(catalogue.db, request.principal, form, {
      action: 'dataset.update',
      datasetId: dataset.datasetId,
    });
    if (check.problems.length > 0)
      return render(request, reply, { values, problems: check.problems, dataset }, 400);
    let changed: boolean;
    try {
      ({ changed } = await updateDatasetMetadata(catalogue, dataset.datasetId, form.input, {
        ...writeContext(request, 'dataset.update'),
        mode: 'replace',
      }));
    } catch (error) {
      const problems = saveProblems(error, form.rowOfResource);
      if (!problems) throw error;
      return render(request, reply, { values, problems, dataset }, 400);
    }
    if (changed) await queueChecksAfterWrite(jobQueue, catalogue, dataset.datasetId, 'change', request.log);
    return reply.redirect(editPath(dataset.datasetId, changed ? 'saved' : 'unchanged'), 303);
  });

  app.post('/manage/datasets/:datasetId/status', page, async (request, reply) => {
    const { datasetId } = parseOrThrow(DatasetParams, request.params, 'path');
    const body = parseOrThrow(StatusBody, request.body, 'form');
    const before = await getDataset(catalogue, datasetId);
    try {
      await changeDatasetStatus(catalogue, datasetId, body.status, {
        ...writeContext(request, 'dataset.status'),
        ...(body.delistingDate ? { delistingDate: body.delistingDate } : {}),
      });
    } catch (error) {
      const problem = saveProblems(error, [])?.find((p) => p.field === 'delistingDate');
      if (!problem) throw error;
      return render(
        request,
        reply,
        { values: formOfRecord(before), problems: [], dataset: before, statusProblem: problem },
        400,
      );
    }
    const notice =
      body.status === 'published' && before.status !== 'draft' ? 'restored' : STATUS_NOTICES[body.status];
    if (body.status === 'published' && before.status === 'draft')
      await queueChecksAfterWrite(jobQueue, catalogue, datasetId, 'publish', request.log);
    return reply.redirect(editPath(datasetId, notice), 303);
  });

  /** The live-validation script's check: JSON in (the form's fields), `{problems}` out. */
  app.post('/manage/datasets/validate', async (request) => {
    const principal = signedIn(request);
    const values = formValuesOf(request.body);
    const id = DatasetParams.safeParse({ datasetId: text(values, 'datasetId') });
    let check;
    if (id.success) {
      const dataset = await getDataset(catalogue, id.data.datasetId);
      authorize(principal, 'dataset.update', dataset.organizationId);
      check = await checkDatasetForm(catalogue.db, principal, inputOfForm(values, recordToInput(dataset)), {
        action: 'dataset.update',
        datasetId: dataset.datasetId,
      });
    } else {
      authorizeCreate(principal);
      check = await checkDatasetForm(catalogue.db, principal, inputOfForm(values), {
        action: 'dataset.create',
      });
    }
    return { problems: check.problems.map((p) => localizeProblem(p, mm)) };
  });
};
