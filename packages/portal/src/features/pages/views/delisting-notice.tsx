import type { DatasetRecord } from '../../datasets/dataset.record.ts';
import type { PageContext } from '../page-context.ts';

/** 下架公告: a dataset scheduled for delisting (預計下架) says on its page when it will go. */
export function DelistingNotice({ ctx, dataset }: { ctx: PageContext; dataset: DatasetRecord }) {
  if (dataset.status !== 'delisting_scheduled' || !dataset.delistingDate) return null;
  const day = dataset.delistingDate.slice(0, 10);
  return (
    <p class="notice notice-delisting" role="note">
      {ctx.locale === 'en'
        ? `This dataset is scheduled to be delisted on ${day}. Save a copy of what you need before then.`
        : `本資料集預計於 ${day} 下架，如有需要請於下架前下載保存。`}
    </p>
  );
}
