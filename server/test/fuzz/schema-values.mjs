// Values from the JSON schemas the API publishes (generated from the zod contracts): a plausible
// valid value, and mutations that are invalid for sure (so a 2xx answer to them is a bug) or merely
// hostile but valid (SQL and script fragments, unicode edge cases) where only a 5xx is a bug.

/** A small seeded generator, so a failing run can be repeated with FUZZ_SEED. */
export function rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '\u0000',
  '\ud800',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  '\u202e\u200b\ufeff',
  'Ω≈ç√∫˜µ≤≥÷',
  '   ',
  '%00%0d%0a',
  'null',
  '__proto__',
];

const ALNUM = '0123456789abcdefghjkmnpqrstvwxyz';
const fakeId = (r) => Array.from({ length: 26 }, () => ALNUM[r.int(32)]).join('');

function typeOf(schema) {
  if (!schema) return 'any';
  if (schema.enum) return 'enum';
  if (schema.const !== undefined) return 'const';
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') ?? 'null';
  if (schema.type) return schema.type;
  if (schema.anyOf || schema.oneOf) return 'union';
  return 'any';
}

/** A value the schema most likely accepts (ids are real when the run has seen some). */
export function validValue(schema, r, ids, depth = 0) {
  const t = typeOf(schema);
  if (schema?.default !== undefined && r.next() < 0.3) return schema.default;
  switch (t) {
    case 'enum':
      return r.pick(schema.enum);
    case 'const':
      return schema.const;
    case 'union':
      return validValue(r.pick((schema.anyOf ?? schema.oneOf).filter((s) => s.type !== 'null')) ?? {}, r, ids, depth);
    case 'boolean':
      return r.next() < 0.5;
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : min + 100);
      const v = min + r.next() * Math.max(0, Math.min(max, min + 1000) - min);
      return t === 'integer' ? Math.floor(v) : Math.round(v * 100) / 100;
    }
    case 'string':
      return validString(schema, r, ids);
    case 'array': {
      if (depth > 3) return [];
      const n = Math.min(schema.maxItems ?? 2, Math.max(schema.minItems ?? 0, r.int(3)));
      return Array.from({ length: n }, () => validValue(schema.items ?? {}, r, ids, depth + 1));
    }
    case 'object': {
      const out = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) {
        if ((schema.required ?? []).includes(k) || r.next() < 0.5) out[k] = validValue(s, r, ids, depth + 1);
      }
      return out;
    }
    default:
      return 'x';
  }
}

function validString(schema, r, ids) {
  if (schema.format === 'date-time') return new Date(Date.now() + (r.int(20) - 5) * 86_400_000).toISOString();
  if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com/a.png';
  if (schema.pattern?.includes('{26}')) return ids.length && r.next() < 0.8 ? r.pick(ids) : fakeId(r);
  if (schema.pattern) return patternSample(schema.pattern, r);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 40;
  const base = r.next() < 0.4 ? r.pick(HOSTILE_STRINGS) : '社区活动测试';
  let s = base;
  while (s.length < min) s += '测';
  return s.slice(0, Math.max(min, Math.min(max, s.length)));
}

/** Good enough for the patterns the contracts use (codes, keys, dates); falls back to digits. */
function patternSample(pattern, r) {
  const samples = ['abcdefgh12', 'ABCDEFGH', '12345678', '2026-11', '2026-11-29', '13800138000', 'req-key-0001'];
  const re = new RegExp(pattern);
  return samples.find((s) => re.test(s)) ?? '0'.repeat(8 + r.int(8));
}

/**
 * Mutations of one property: [value, definitelyInvalid]. `undefined` means "leave it out"
 * (invalid only when required).
 */
export function propertyMutations(schema, required, r) {
  const t = typeOf(schema);
  const nullable = schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null')) || (schema.anyOf ?? []).some((s) => s.type === 'null');
  const out = [[undefined, required && schema.default === undefined]];
  out.push([null, !nullable && t !== 'any']);
  // Junk nested deeper than any contract goes.
  out.push([{ a: { b: { c: [1, { d: null }, ['x']] } } }, t !== 'any' && t !== 'object' && t !== 'union']);
  if (t === 'string') {
    out.push([12345, true], [['a'], true], [{ a: 1 }, true]);
    if (schema.maxLength !== undefined) out.push(['长'.repeat(schema.maxLength + 1), true]);
    out.push(['x'.repeat(100_000), schema.maxLength !== undefined || schema.pattern !== undefined || !!schema.format]);
    out.push(['', (schema.minLength ?? 0) > 0]);
    out.push(['字'.repeat(10_000), schema.maxLength !== undefined && schema.maxLength < 10_000]);
    out.push(['\u202eمرحبا עולם 👵🏻', false]);
    for (const h of HOSTILE_STRINGS.slice(0, 6)) out.push([h, false]);
    out.push([r.pick(HOSTILE_STRINGS), false]);
  } else if (t === 'integer' || t === 'number') {
    out.push(['12', true], [true, true], [Number.MAX_SAFE_INTEGER * 4, schema.maximum !== undefined], [-1e18, schema.minimum !== undefined]);
    if (t === 'integer') out.push([1.5, true]);
    out.push(['NaN', true], ['Infinity', true], ['-Infinity', true]);
    if (schema.minimum !== undefined) out.push([schema.minimum - 1, true], [schema.minimum, false]);
    if (schema.maximum !== undefined) out.push([schema.maximum + 1, true], [schema.maximum, false]);
  } else if (t === 'boolean') {
    out.push(['true', true], [1, true]);
  } else if (t === 'array') {
    out.push(['[]', true], [{}, true]);
    // An empty list: valid unless minItems says otherwise, and the classic IN () trap on MariaDB.
    out.push([[], (schema.minItems ?? 0) > 0]);
    if (schema.maxItems !== undefined) out.push([Array.from({ length: schema.maxItems + 1 }, () => validValue(schema.items ?? {}, r, [])), true]);
    out.push([[null], schema.items !== undefined && typeOf(schema.items) !== 'any']);
  } else if (t === 'enum') {
    out.push(['not-a-member', true], [0, true]);
  } else if (t === 'object') {
    out.push(['{}', true], [[], true]);
  }
  return out;
}
