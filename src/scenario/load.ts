/**
 * Turns the text of a scenario file into a frozen `Scenario`, or into a list of
 * problems a teacher can act on: each names the file, the line and column, the path
 * inside the scenario and what is wrong.
 *
 * Pure (no Node APIs): the browser runs it on uploaded files too. Three stages, and
 * a later stage runs only when the earlier ones found nothing, because its findings
 * would be noise on broken input: YAML syntax → the zod schema → `semantic.ts`.
 */
import { deepFreeze } from './freeze.js';
import { LineCounter, isAlias, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Pair, YAMLError } from 'yaml';
import { z } from 'zod';
import { scenarioSchema } from './schema.js';
import type { Scenario } from './schema.js';
import { checkScenario } from './semantic.js';
import type { CheckOptions, IssuePath, ScenarioIssue } from './semantic.js';

export interface ScenarioProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  /** Where in the scenario, like `policies[3].effects[0].theatre`; "" for the whole file. */
  path: string;
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export function parseScenario(source: string, fileName: string, options: CheckOptions = {}): ScenarioResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = locator(doc, lineCounter, fileName);
  if (doc.errors.length > 0) return { ok: false, problems: doc.errors.map(locate.yamlError) };

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // toJS refuses alias bombs (an alias expanded too many times).
    return { ok: false, problems: [locate.wholeFile(`YAML: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  const fail = (issues: ScenarioIssue[]): ScenarioResult => ({
    ok: false,
    problems: issues.map(locate.issue).sort((a, b) => a.line - b.line || a.col - b.col),
  });
  const parsed = scenarioSchema.safeParse(data, { error: () => NO_SCHEMA_MESSAGE });
  if (!parsed.success) return fail(issuesFromZod(parsed.error.issues, scenarioSchema, data, []));
  const semanticIssues = checkScenario(parsed.data, options);
  if (semanticIssues.length > 0) return fail(semanticIssues);
  return { ok: true, scenario: deepFreeze(parsed.data) };
}

/** `FILE:LINE:COL path: message`, the form editors and CI logs turn into links. */
export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.col} ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** `policies[3].effects[0]`, `relations.CHN-RUS`; odd keys are quoted so the path stays readable. */
export function formatPath(path: IssuePath): string {
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (!/^[A-Za-z0-9_-]+$/.test(segment)) return `[${JSON.stringify(segment)}]`;
      return i === 0 ? segment : `.${segment}`;
    })
    .join('');
}

// ---------------------------------------------------------------------------
// YAML positions
// ---------------------------------------------------------------------------

/** Turns YAML errors and issues found by path into problems with a line and column. */
function locator(doc: Document, lineCounter: LineCounter, file: string) {
  const problemAt = (offset: number, path: IssuePath, message: string): ScenarioProblem => ({
    file,
    ...lineCounter.linePos(offset),
    path: formatPath(path),
    message,
  });
  const lineOf = (path: IssuePath, atKey: boolean) => lineCounter.linePos(offsetOf(doc, path, atKey)).line;
  return {
    wholeFile: (message: string) => problemAt(0, [], message),
    yamlError(error: YAMLError): ScenarioProblem {
      const offset = error.pos[0];
      // Only a duplicate key leaves the document whole enough to name a path; after a
      // syntax error the tree around it is guesswork, so name none rather than mislead.
      if (error.code !== 'DUPLICATE_KEY') return problemAt(offset, [], `YAML syntax error: ${error.message}`);
      const path = pathAtOffset(doc, offset);
      return problemAt(offset, path, `duplicate key "${String(path.at(-1))}" (first at line ${lineOf(path, true)})`);
    },
    issue(issue: ScenarioIssue): ScenarioProblem {
      const firstAt = issue.firstAt ? ` (first at line ${lineOf(issue.firstAt, false)}: ${formatPath(issue.firstAt)})` : '';
      return problemAt(offsetOf(doc, issue.path, issue.atKey ?? false), issue.path, issue.message + firstAt);
    },
  };
}

function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  return isNode(node) ? (node.range ?? undefined) : undefined;
}

function pairAt(node: unknown, key: string | number): Pair<unknown, unknown> | undefined {
  return isMap(node) ? node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key)) : undefined;
}

/**
 * Where the node at `path` starts, or its key when `atKey`. For a path that does not
 * exist (a missing key) this is where its nearest existing ancestor starts.
 */
function offsetOf(doc: Document, path: IssuePath, atKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = rangeOf(node)?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      offset = rangeOf(node)?.[0] ?? offset;
      continue;
    }
    const pair = pairAt(node, segment);
    if (!pair) break;
    const keyStart = rangeOf(pair.key)?.[0] ?? offset;
    if (atKey && i === path.length - 1) return keyStart;
    node = pair.value;
    // An empty value (`cost:`) is an empty span after the colon; the key is where a reader looks.
    const valueRange = rangeOf(node);
    offset = valueRange && valueRange[0] < valueRange[1] ? valueRange[0] : keyStart;
  }
  return offset;
}

/** The path of the deepest node holding `offset`, so a duplicate key can say where in the scenario it is. */
function pathAtOffset(doc: Document, offset: number): IssuePath {
  const path: (string | number)[] = [];
  const holds = (start: number | undefined, end: number | undefined) =>
    start !== undefined && end !== undefined && start <= offset && offset < end;
  let node: unknown = doc.contents;
  for (;;) {
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => holds(rangeOf(item)?.[0], rangeOf(item)?.[2]));
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else if (isMap(node)) {
      const pair = node.items.find((p) => holds(rangeOf(p.key)?.[0], (rangeOf(p.value) ?? rangeOf(p.key))?.[2]));
      if (!pair || !isScalar(pair.key)) break;
      path.push(String(pair.key.value));
      node = pair.value;
    } else {
      break;
    }
  }
  return path;
}

// ---------------------------------------------------------------------------
// Zod issues in a teacher's words
// ---------------------------------------------------------------------------

type ZodIssue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/**
 * What our error map answers for every issue the schema wrote no message for, so a
 * message the schema did write (`dates are written YYYY-MM`) is kept and the rest are
 * worded here, with the offending value in hand.
 */
const NO_SCHEMA_MESSAGE = '\u0000no schema message';

function issuesFromZod(issues: readonly ZodIssue[], schema: Schema | undefined, data: unknown, base: IssuePath): ScenarioIssue[] {
  const located = issues.map((issue) => {
    const relative = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    return { issue, path: [...base, ...relative], here: schemaAt(schema, relative) };
  });
  // A misspelt key ("costt") is also a missing one ("cost"); the "did you mean" says both, so drop the second.
  const misspelt = new Set<string>();
  for (const { issue, path, here } of located) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const meant = closest(key, allowedKeys(here));
      if (meant) misspelt.add(formatPath([...path, meant]));
    }
  }
  return located.flatMap(({ issue, path, here }): ScenarioIssue[] => {
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'invalid_union':
        return unionIssues(issue, here, value, data, path);
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: [...path, key], atKey: true, message: unknownKeyMessage(key, allowedKeys(here)) }));
      case 'invalid_type':
        return value === undefined && misspelt.has(formatPath(path)) ? [] : [{ path, message: messageFor(issue, value, path) }];
      case 'invalid_key':
        // A bad key in a record (`forces: { dmz: … }`): the key is the value at fault.
        return [{ path, atKey: true, message: issue.issues.map((keyIssue) => messageFor(keyIssue, path.at(-1), path)).join('; ') }];
      default:
        return [{ path, message: messageFor(issue, value, path) }];
    }
  });
}

function messageFor(issue: ZodIssue, value: unknown, path: IssuePath): string {
  const got = `got ${describeValue(value)}`;
  if (issue.message !== NO_SCHEMA_MESSAGE) return issue.code === 'invalid_format' ? `${issue.message}, ${got}` : issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      if (value !== undefined) return `expected ${typeName(issue.expected)}, ${got}`;
      const key = path.at(-1);
      return typeof key === 'string' ? `missing required key "${key}"` : 'required, but missing';
    }
    case 'too_small':
      return boundMessage(['at least', 'more than'], issue.minimum, issue.inclusive, issue.origin, value);
    case 'too_big':
      return boundMessage(['at most', 'less than'], issue.maximum, issue.inclusive, issue.origin, value);
    case 'invalid_value':
      return `${expectedValues(issue.values)}, ${got}`;
    case 'invalid_format':
      return `does not have the expected form (${issue.format}), ${got}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}, ${got}`;
    default:
      return `is not valid here, ${got}`;
  }
}

function boundMessage(
  [inclusiveWord, exclusiveWord]: [string, string],
  bound: number | bigint,
  inclusive: boolean | undefined,
  origin: string,
  value: unknown,
): string {
  const word = inclusive === false ? exclusiveWord : inclusiveWord;
  if (Array.isArray(value)) return `must have ${word} ${bound} item${bound === 1 ? '' : 's'}, got ${value.length}`;
  if (origin === 'string') return `must be ${word} ${bound} characters long`;
  return `must be ${word} ${bound}, got ${describeValue(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function expectedValues(values: readonly unknown[]): string {
  return values.length === 1 ? `expected ${String(values[0])}` : `expected one of ${values.map(String).join(', ')}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const suggestion = closest(key, allowed);
  if (suggestion) return `unknown key "${key}" (did you mean "${suggestion}"?)`;
  return allowed.length > 0 ? `unknown key "${key}"; expected one of ${allowed.join(', ')}` : `unknown key "${key}"`;
}

/** The allowed key a typo most likely meant: at most two edits away, and not a different short word. */
function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 2));
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

// Zod 4 reports a failed union as one vague "Invalid input" with every variant's
// errors attached. An entry of a union of mappings (an effect, a condition, an
// objective, a timeline entry) says which variant it means by a key only that variant
// has (`track`, `setFlag`, `all`, `pool`…), so report that variant's errors instead.

type UnionIssue = z.core.$ZodIssueInvalidUnion;

function unionIssues(issue: UnionIssue, union: Schema | undefined, value: unknown, data: unknown, path: IssuePath): ScenarioIssue[] {
  const options = union instanceof z.ZodUnion ? union.options.map(unwrap) : [];
  const objects = options.filter((option) => option instanceof z.ZodObject);
  if (objects.length > 0 && objects.length === options.length) return objectUnionIssues(issue, objects, value, data, path);
  return [{ path, message: alternativesMessage(issue, value) }];
}

function objectUnionIssues(issue: UnionIssue, options: z.ZodObject[], value: unknown, data: unknown, path: IssuePath): ScenarioIssue[] {
  const ownKeys = options.map((option, i) =>
    Object.keys(option.shape).filter((key) => options.every((other, j) => i === j || !(key in other.shape))),
  );
  const kinds = ownKeys.flatMap((keys) => keys.slice(0, 1)).join(', ');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ path, message: `expected a mapping with one of the keys ${kinds}, got ${describeValue(value)}` }];
  }
  const present = Object.keys(value);
  const matching = ownKeys.flatMap((keys, i) => (keys.some((key) => present.includes(key)) ? [i] : []));
  const [only] = matching;
  if (matching.length === 1 && only !== undefined) return issuesFromZod(issue.errors[only] ?? [], options[only], data, path);
  if (matching.length === 0) {
    const found = present.length > 0 ? present.map((key) => `"${key}"`).join(', ') : 'no keys';
    return [{ path, message: `expected one of the keys ${kinds}, found ${found}` }];
  }
  const clashing = matching.map((i) => `"${ownKeys[i]!.find((key) => present.includes(key))}"`);
  return [{ path, message: `${clashing.join(' and ')} cannot be used together; each entry takes one of the keys ${kinds}` }];
}

/** A union of plain values (a power or SELF or TARGET; a theatre or ALL): say every form it may take. */
function alternativesMessage(issue: UnionIssue, value: unknown): string {
  const values: unknown[] = [];
  const forms: string[] = [];
  for (const e of issue.errors.flat()) {
    if (e.code === 'invalid_value') values.push(...e.values);
    else if (e.message !== NO_SCHEMA_MESSAGE) forms.push(e.message);
    else if (e.code === 'invalid_type') forms.push(`expected ${typeName(e.expected)}`);
  }
  if (values.length > 0) forms.push(expectedValues(values));
  return `${forms.join('; or ')}, got ${describeValue(value)}`;
}

// ---------------------------------------------------------------------------
// Finding the schema and the value an issue is about
// ---------------------------------------------------------------------------

function unwrap(schema: Schema): Schema {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodLazy) inner = inner.unwrap();
  return inner;
}

/** The schema that validates the value at `path` below `schema`; a union ends the walk, as it must be resolved by its value. */
function schemaAt(schema: Schema | undefined, path: IssuePath): Schema | undefined {
  let current = schema && unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = current.shape[segment];
    else if (current instanceof z.ZodArray) current = current.element;
    else if (current instanceof z.ZodTuple) current = current.def.items[Number(segment)];
    else if (current instanceof z.ZodRecord) current = current.valueType;
    else return undefined;
    current = current && unwrap(current);
  }
  return current;
}

function allowedKeys(schema: Schema | undefined): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum) return schema.keyType.options.map(String);
  return [];
}

function valueAt(data: unknown, path: IssuePath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
