/**
 * Sample data for a dry run, made from the form's JSON Schema: every field filled (so conditions
 * on optional fields are exercised too) with its default, example or first choice, a valid value
 * for the government formats, `true` for yes/no questions and one sample file per attachment.
 */
type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema };

const FORMAT_SAMPLES: Record<string, string> = {
  'resident-id': '150102195603120014',
  'credit-code': '111500000114600109',
  mobile: '13804710001',
  'region-code': '150102',
  email: 'sample@example.com',
  uri: 'https://example.com',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A sample value for `schema`; `today` (YYYY-MM-DD) fills date fields. */
export function sampleData(schema: unknown, today: string): Record<string, unknown> {
  const value = sample(isRecord(schema) ? (schema as Schema) : {}, today, 0);
  return isRecord(value) ? value : {};
}

function sample(node: Schema, today: string, depth: number): unknown {
  if ('default' in node) return node.default;
  if ('const' in node) return node.const;
  if (Array.isArray(node.examples) && node.examples.length > 0) return node.examples[0];
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  if (Array.isArray(node.oneOf) && isRecord(node.oneOf[0]) && 'const' in node.oneOf[0]) return node.oneOf[0].const;
  if (isRecord(node['x-attachment'])) {
    const accept = (node['x-attachment'] as { accept?: string[] }).accept ?? [];
    const pdf = accept.length === 0 || accept.includes('application/pdf');
    return [{ blobId: 'sample', name: pdf ? 'sample.pdf' : 'sample.jpg', size: 1000, contentType: pdf ? 'application/pdf' : 'image/jpeg' }];
  }
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  switch (type) {
    case 'object': {
      if (depth > 8) return {};
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node.properties ?? {})) if (isRecord(child)) out[key] = sample(child, today, depth + 1);
      return out;
    }
    case 'array': {
      const min = typeof node.minItems === 'number' ? node.minItems : 0;
      if (isRecord(node.items) && (Array.isArray(node.items.enum) || min > 0)) return [sample(node.items, today, depth + 1)];
      return [];
    }
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return typeof node.minimum === 'number' ? node.minimum : typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum + 1 : 1;
    default: {
      const format = typeof node.format === 'string' ? node.format : '';
      if (format === 'date') return today;
      if (format === 'date-time') return `${today}T09:00:00+08:00`;
      if (FORMAT_SAMPLES[format]) return FORMAT_SAMPLES[format];
      const title = typeof node.title === 'string' ? node.title : '';
      const min = typeof node.minLength === 'number' ? node.minLength : 1;
      const max = typeof node.maxLength === 'number' ? node.maxLength : Infinity;
      return (title ? `样例${title}` : '样例').padEnd(min, '样').slice(0, max);
    }
  }
}
