import { parse as parseYaml } from 'yaml';

/** Parameter names that page through results (query or body), as APIs in the wild spell them. */
const PAGING =
  /^(\$?(top|skip)|page|pages|page_?size|page_?no|per_?page|limit|offset|cursor|next|size|start|rows|max_?results|pagenum|pageindex)$/i;

export interface OpenApiVerdict {
  valid: boolean;
  version?: string;
  problems: string[];
  pagingDocumented: boolean;
  operations: number;
}

type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Resolves a local `#/components/parameters/x` reference, once. */
function deref(doc: Doc, value: unknown): unknown {
  if (!isObject(value) || typeof value['$ref'] !== 'string') return value;
  const ref = value['$ref'];
  if (!ref.startsWith('#/')) return value;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (node, key) => (isObject(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
      doc,
    );
}

/**
 * Checks an OpenAPI 3.x or Swagger 2.0 document (JSON or YAML) for what the spec requires
 * of every document (version, info.title, info.version, paths, a responses object per
 * operation) and finds whether any operation documents paging parameters.
 */
export function judgeOpenApiDocument(text: string): OpenApiVerdict {
  let doc: unknown;
  try {
    doc = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    return {
      valid: false,
      problems: [`not JSON or YAML: ${(error as Error).message}`],
      pagingDocumented: false,
      operations: 0,
    };
  }
  if (!isObject(doc))
    return {
      valid: false,
      problems: ['the document is not an object'],
      pagingDocumented: false,
      operations: 0,
    };
  const problems: string[] = [];
  const version =
    typeof doc['openapi'] === 'string'
      ? doc['openapi']
      : typeof doc['swagger'] === 'string'
        ? doc['swagger']
        : undefined;
  if (!version) problems.push('no openapi (or swagger) version field');
  else if (!/^(3\.[01]\.\d+|2\.0)$/.test(version)) problems.push(`unsupported version ${version}`);
  const info = doc['info'];
  if (!isObject(info)) problems.push('no info object');
  else {
    if (typeof info['title'] !== 'string' || info['title'].trim() === '')
      problems.push('info.title is missing');
    if (typeof info['version'] !== 'string') problems.push('info.version is missing');
  }
  const paths = doc['paths'];
  let operations = 0;
  let paging = false;
  if (!isObject(paths)) problems.push('no paths object');
  else {
    for (const [path, item] of Object.entries(paths)) {
      if (!path.startsWith('/')) problems.push(`path ${path} does not start with /`);
      if (!isObject(item)) continue;
      const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
      for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
        const op = item[method];
        if (!isObject(op)) continue;
        operations++;
        if (!isObject(op['responses'])) problems.push(`${method.toUpperCase()} ${path} has no responses`);
        const params = [...shared, ...(Array.isArray(op['parameters']) ? op['parameters'] : [])].map((p) =>
          deref(doc as Doc, p),
        );
        if (params.some((p) => isObject(p) && typeof p['name'] === 'string' && PAGING.test(p['name'])))
          paging = true;
      }
    }
    if (operations === 0) problems.push('no operations under paths');
  }
  return {
    valid: problems.length === 0,
    ...(version ? { version } : {}),
    problems,
    pagingDocumented: paging,
    operations,
  };
}
