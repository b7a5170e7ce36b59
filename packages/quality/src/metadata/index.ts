/** The national metadata standard (資料集詮釋資料標準規範): identifiers, vocabularies, field rules. */
export * from './identifier.ts';
export * from './update-frequency.ts';
export * from './field-description.ts';
export * from './vocabularies/categories.ts';
export * from './vocabularies/formats.ts';
export * from './vocabularies/licences.ts';
export * from './vocabularies/dataset-terms.ts';
export * from './record-problems.ts';
export * from './declared-resource.ts';
