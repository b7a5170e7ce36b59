import { readFileSync } from 'node:fs';
import { Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

/**
 * Validation against the official DCAT-AP 3.0.1 SHACL shapes, read from the repository's
 * copy (standards/dcat-ap-3.0.1/): `shapes.ttl` (mandatory properties, cardinalities,
 * node kinds) together with `range.ttl` (the class of every object). The vocabulary
 * imports are not loaded — they would be fetched — so range checks rely on the type
 * triples our export writes for every node it points to.
 */

const SHAPES_DIR = new URL('../../../standards/dcat-ap-3.0.1/', import.meta.url);
export const SHAPE_FILES = ['shapes.ttl', 'range.ttl'] as const;
const SH = 'http://www.w3.org/ns/shacl#';

export type ShaclSeverity = 'violation' | 'warning' | 'info';

export interface ShaclResult {
  focusNode: string;
  path: string | null;
  message: string;
  severity: ShaclSeverity;
}

export interface ShaclReport {
  conforms: boolean;
  results: ShaclResult[];
}

let validator: SHACLValidator | undefined;

/** The validator over shapes.ttl + range.ttl, parsed once per process. */
function shapesValidator(): SHACLValidator {
  if (!validator) {
    const shapes = new Store();
    for (const file of SHAPE_FILES) {
      const url = new URL(file, SHAPES_DIR);
      shapes.addQuads(new Parser({ baseIRI: url.href }).parse(readFileSync(url, 'utf8')));
    }
    validator = new SHACLValidator(shapes);
  }
  return validator;
}

function severityOf(iri: string | undefined): ShaclSeverity {
  if (iri === `${SH}Warning`) return 'warning';
  if (iri === `${SH}Info`) return 'info';
  return 'violation';
}

/** What a result's constraint component means, when the shapes give no message. */
function describe(component: string | undefined, path: string | null, value: string | undefined): string {
  const name = component?.replace(SH, '').replace(/ConstraintComponent$/, '') ?? 'Constraint';
  const subject = path ?? 'the node';
  switch (name) {
    case 'Class':
      return `${value ?? 'A value'} of ${subject} is not typed with the class the range shape requires`;
    case 'MinCount':
      return `${subject} is missing`;
    case 'MaxCount':
      return `${subject} has more values than allowed`;
    case 'Datatype':
      return `${subject} has a value of the wrong datatype`;
    case 'NodeKind':
      return `${subject} has a value of the wrong kind (IRI, blank node or literal)`;
    default:
      return `${subject} breaks the ${name} constraint`;
  }
}

/** Validates a DCAT-AP graph against shapes.ttl + range.ttl. */
export async function validateDcatAp(quads: readonly Quad[]): Promise<ShaclReport> {
  const report = await shapesValidator().validate(new Store([...quads]));
  const results = report.results.map((r) => {
    const path = r.path?.termType === 'NamedNode' ? r.path.value : null;
    const messages = r.message.map((m) => m.value).filter((m) => m !== '');
    return {
      focusNode: r.focusNode?.value ?? '',
      path,
      message:
        messages.length > 0
          ? messages.join('; ')
          : describe(r.sourceConstraintComponent?.value, path, r.value?.value),
      severity: severityOf(r.severity?.value),
    };
  });
  return { conforms: report.conforms, results };
}
