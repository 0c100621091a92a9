/**
 * The manifest's `storage.managed_schema` (public/managed-schema.json, written by
 * gen-managed-schema.ts). Chrome accepts only a subset of JSON Schema and drops a policy value that
 * does not conform — silently, as far as the extension can tell — so this schema only states the
 * shape (types, nesting); validate.ts checks everything else and reports problems by path.
 * `rules` is an open map so that a new rule needs no schema change.
 */
type JsonSchema = {
  type: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema;
  items?: JsonSchema;
};

const str = (description?: string): JsonSchema => (description ? { type: 'string', description } : { type: 'string' });
const int = (description?: string): JsonSchema => (description ? { type: 'integer', description } : { type: 'integer' });
const bool = (): JsonSchema => ({ type: 'boolean' });
const list = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description && { description }) });
const obj = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: 'object',
  properties,
  ...(description && { description }),
});

/** A field the request must send (body or query) for the rule to match: EmpireCMS `enews`, WordPress `publish`. */
const requestField = obj({ name: str(), pattern: str(), absent: bool() }, 'A field the request sends (body or query) that the rule needs; such a rule is not blocked by the browser network rules');

const adapter = obj({
  id: str(),
  name: str(),
  match: list(str()),
  editor: obj({ kind: str(), framePath: list(str()), selector: str() }),
  fields: obj({
    framePath: list(str()),
    title: str(),
    channel: str(),
    category: str(),
    disclosure: str(),
    reviewer: str(),
    publisher: str(),
    attachments: str(),
    currentUser: str(),
  }),
  publishButtons: list(str()),
  publishRequests: list(obj({ method: str(), urlPattern: str(), field: requestField })),
  draftRequests: list(obj({ method: str(), urlPattern: str(), field: requestField }), 'Endpoints that only store a draft (保存草稿, autosave)'),
  listPublish: list(
    obj({
      method: str(),
      urlPattern: str(),
      field: requestField,
      ids: obj({ from: str(), name: str(), separator: str(), pattern: str() }),
      rowCheckbox: str(),
    }),
    'List-page publish actions: URL pattern and where the item ids are in the request',
  ),
  withdrawRequests: list(obj({ method: str(), urlPattern: str(), field: requestField }), 'Endpoints that take items offline (取消发布): no publish, though their address names one'),
  itemId: obj({ field: str(), urlParam: str(), responsePath: str(), responsePattern: str(), resultPattern: str() }, "Where the edit page, the save response and a form post's result page name the item's id"),
});

export const MANAGED_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Precheck 发布前预检 policy',
  description: 'Every key set here is locked in the options page; keys left out stay with the local policy.',
  properties: {
    version: int('Policy format version: 2'),
    origins: list(str(), 'CMS match patterns, e.g. https://cms.example.gov.cn/*'),
    adapters: list(adapter, 'Site adapters: how to find the editor, form fields and publish controls'),
    rules: {
      type: 'object',
      description: 'Rule settings keyed by rule id',
      additionalProperties: obj({ enabled: bool(), severity: str(), overridable: bool() }),
    },
    allowList: obj({ phones: list(str()), emails: list(str()) }, "The unit's own public phone numbers and emails"),
    customWords: list(obj({ word: str(), severity: str(), note: str() }), 'Extra sensitive words'),
    requiredFields: list(str(), 'Subset of title, channel, category, disclosure, reviewer'),
    catalogue: list(obj({ id: str(), name: str() }), 'Disclosure catalogue (信息类别)'),
    importantCategories: list(str(), 'Category ids that also need the principal (主要负责人)'),
    reviewers: list(
      obj({
        id: str(),
        name: str(),
        unit: str(),
        role: str(),
        pin: obj({ algorithm: str(), iterations: int(), salt: str(), hash: str() }),
      }),
      'Reviewer roster; PINs only as PBKDF2-SHA256 records',
    ),
    gate: obj({ draftSaves: str() }, "Draft saves: 'scan' refuses a draft with a block finding; 'allow' accepts personal data in the draft saves the site adapter declares (draftRequests)"),
    signoff: obj({ validMinutes: int() }),
    audit: obj({ retentionDays: int(), collectorUrl: str(), collectorToken: str() }),
    unit: obj({ name: str() }, 'The unit: its name heads the printed review form'),
    attachments: obj({ maxMB: int() }, 'Attachments over maxMB (default 50) are not scanned; the reviewer confirms them'),
    meta: obj({ name: str(), note: str(), updatedAt: str(), updatedBy: str() }),
  },
};

/** The file's exact content: the generator writes it, a test compares it. */
export function managedSchemaJson(): string {
  return `${JSON.stringify(MANAGED_SCHEMA, null, 2)}\n`;
}
