import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CATEGORIES, LICENCES } from '@odp/quality/metadata';
import { THEMES } from '../../domain/vocabularies/themes.ts';
import { errorResponses } from '../../http/error-schema.ts';
import {
  CategorySchema,
  LicenceSchema,
  ThemeSchema,
  presentCategory,
  presentLicence,
  presentTheme,
  resultsOf,
} from './vocabulary.present.ts';

/** GET /api/v1/themes, /categories, /licences: the controlled vocabularies. */
export const vocabularyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/themes',
    {
      schema: {
        tags: ['vocabularies'],
        summary: '高應用價值主題: themes and their sub-categories',
        response: { 200: resultsOf(ThemeSchema), ...errorResponses(401, 500) },
      },
    },
    async () => ({ results: THEMES.map(presentTheme) }),
  );

  app.get(
    '/categories',
    {
      schema: {
        tags: ['vocabularies'],
        summary: '服務分類: the 18 service categories',
        response: { 200: resultsOf(CategorySchema), ...errorResponses(401, 500) },
      },
    },
    async () => ({ results: CATEGORIES.map(presentCategory) }),
  );

  app.get(
    '/licences',
    {
      schema: {
        tags: ['vocabularies'],
        summary: '授權方式: the licences of the national standard',
        response: { 200: resultsOf(LicenceSchema), ...errorResponses(401, 500) },
      },
    },
    async () => ({ results: LICENCES.map(presentLicence) }),
  );
};
