/**
 * What Chrome does with a managed_schema: check that it uses only the supported subset, and check a
 * policy value against it the way Chrome would before publishing it to storage.managed.
 */
type Schema = Record<string, unknown>;

const KEYWORDS = new Set(['type', 'title', 'description', 'properties', 'additionalProperties', 'items']);
const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

/** Problems with the schema itself: unsupported keywords, a missing or unknown type, $ref. */
export function schemaProblems(schema: Schema, path = '$'): string[] {
  const out: string[] = [];
  for (const key of Object.keys(schema)) if (!KEYWORDS.has(key)) out.push(`${path}: unsupported keyword ${key}`);
  if (typeof schema.type !== 'string' || !TYPES.has(schema.type)) out.push(`${path}: needs exactly one supported type`);
  const props = schema.properties as Record<string, Schema> | undefined;
  for (const [k, v] of Object.entries(props ?? {})) out.push(...schemaProblems(v, `${path}.${k}`));
  if (schema.additionalProperties) out.push(...schemaProblems(schema.additionalProperties as Schema, `${path}.*`));
  if (schema.items) out.push(...schemaProblems(schema.items as Schema, `${path}[]`));
  return out;
}

/** Where `value` does not fit `schema` (Chrome would drop such a value), including undeclared keys. */
export function valueProblems(value: unknown, schema: Schema, path = '$'): string[] {
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${path}: not a string`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path}: not an integer`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: not a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${path}: not an array`];
      return value.flatMap((v: unknown, i) => valueProblems(v, schema.items as Schema, `${path}[${i}]`));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not an object`];
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.entries(value).flatMap(([k, v]) => {
        const sub = props[k] ?? (schema.additionalProperties as Schema | undefined);
        return sub ? valueProblems(v, sub, `${path}.${k}`) : [`${path}.${k}: not declared in the schema`];
      });
    }
    default:
      return [`${path}: unexpected schema type`];
  }
}
