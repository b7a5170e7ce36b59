import { scanRows } from '../privacy/privacy-scan.ts';
import type { PersonalDataKind } from '../privacy/personal-patterns.ts';
import { fail, notApplicable, pass, warn, type ResourceCheck } from './check.ts';

/** 身分證字號, 居留證號, 手機號碼, 電子郵件, 姓名（與地址並列） */
const KIND_TITLES: Record<PersonalDataKind, { zh: string; en: string }> = {
  national_id: { zh: '身分證字號', en: 'national ID numbers' },
  resident_certificate: { zh: '居留證號', en: 'resident certificate numbers' },
  mobile: { zh: '手機號碼', en: 'mobile numbers' },
  email: { zh: '電子郵件', en: 'e-mail addresses' },
  personal_name: { zh: '與地址並列的姓名', en: 'personal names beside addresses' },
};

function summary(kinds: Map<PersonalDataKind, number>, lang: 'zh' | 'en'): string {
  return [...kinds]
    .map(([kind, count]) =>
      lang === 'zh' ? `${KIND_TITLES[kind].zh}（${count}）` : `${KIND_TITLES[kind].en} (${count})`,
    )
    .join(lang === 'zh' ? '、' : ', ');
}

/**
 * 個人資料檢查 (QUALITY.md §1, PRODUCT.md C12): the table's cells are scanned for Taiwan
 * identity numbers (checksum verified), mobile numbers, e-mail addresses and personal
 * names beside addresses (privacy/privacy-scan.ts has the rules). Fails on a blocking
 * finding — the portal then refuses preview, queries and converted copies — and warns
 * on findings to review. The evidence holds masked examples only, never a raw value.
 * Not in the default badge rules ("beyond the badge"); an operator may add it.
 */
export const privacy: ResourceCheck = {
  id: 'privacy',
  version: 1,
  appliesTo: ['file'],
  dimension: 'beyond',
  async run({ table }) {
    if (!table) return notApplicable('no table was read from the content');
    const report = await scanRows(
      table.report.columns.map((c) => c.name),
      table.rows(),
    );
    const evidence = {
      rows: report.rows,
      blockingCells: report.blockingCells,
      reviewCells: report.reviewCells,
      findings: report.findings,
    };
    if (report.findings.length === 0) return pass(evidence);
    const kindsOf = (severity: 'block' | 'review') => {
      const kinds = new Map<PersonalDataKind, number>();
      for (const f of report.findings)
        if (f.severity === severity) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + f.count);
      return kinds;
    };
    const blocking = kindsOf('block');
    if (blocking.size > 0) {
      return fail(evidence, {
        zh: `資料含有個人資料：${summary(blocking, 'zh')}。請刪除或遮蔽（姓名留姓氏與末字，證號與手機留前後碼，電子郵件留首字與網域）；在此之前，平臺不提供預覽、查詢與轉檔。`,
        en: `The data holds personal data: ${summary(blocking, 'en')}. Remove or mask it (names keep the surname and last character, numbers their first and last digits, e-mails the first letter and domain); until then the platform offers no preview, queries or converted copies.`,
      });
    }
    const review = kindsOf('review');
    return warn(evidence, {
      zh: `請確認下列資料是公開的聯絡方式而非個人資料：${summary(review, 'zh')}；若是個人資料，請刪除或遮蔽。`,
      en: `Check that these are published contact details, not personal data: ${summary(review, 'en')}; if they are personal, remove or mask them.`,
    });
  },
};
