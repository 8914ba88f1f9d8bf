/**
 * Calculated values without code: a few shapes of JSON Logic a designer picks from — the age or
 * birth date from a resident ID number, one number combined with another, or a value chosen by a
 * condition — written to and read back from a `calculate` rule's `value`.
 */
export type CalcOperand = { field: string } | { number: number };
export type Arithmetic = '+' | '-' | '*' | '/';
export type Scalar = string | number | boolean;

export type Calc =
  | { kind: 'age'; source?: string }
  | { kind: 'birthDate'; source?: string }
  | { kind: 'arithmetic'; op: Arithmetic; left?: CalcOperand; right?: CalcOperand }
  | { kind: 'conditional'; when?: unknown; then?: Scalar; else?: Scalar };

export type CalcKind = Calc['kind'];

const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const single = (v: unknown): [string, unknown] | undefined => (isRecord(v) && Object.keys(v).length === 1 ? [Object.keys(v)[0]!, v[Object.keys(v)[0]!]] : undefined);

function varOf(v: unknown): string | undefined {
  const op = single(v);
  if (!op || op[0] !== 'var') return undefined;
  return typeof op[1] === 'string' && op[1] !== '' && op[1] !== '$today' ? op[1] : undefined;
}

function operandToLogic(o: CalcOperand): unknown {
  return 'field' in o ? { var: o.field } : o.number;
}

function operandFromLogic(v: unknown): CalcOperand | undefined {
  if (typeof v === 'number') return { number: v };
  const field = varOf(v);
  return field ? { field } : undefined;
}

/** The calculation as JSON Logic, or undefined while it is not filled in. */
export function calcToLogic(calc: Calc): unknown {
  switch (calc.kind) {
    case 'age':
      return calc.source ? { ageFromIdNumber: [{ var: calc.source }, { var: '$today' }] } : undefined;
    case 'birthDate':
      return calc.source ? { birthDateFromIdNumber: [{ var: calc.source }] } : undefined;
    case 'arithmetic':
      return calc.left && calc.right ? { [calc.op]: [operandToLogic(calc.left), operandToLogic(calc.right)] } : undefined;
    case 'conditional':
      return calc.when !== undefined && calc.then !== undefined && calc.else !== undefined ? { if: [calc.when, calc.then, calc.else] } : undefined;
  }
}

/** Reads a calculation back; undefined for JSON Logic of another shape (shown as it is). */
export function calcFromLogic(logic: unknown): Calc | undefined {
  const op = single(logic);
  if (!op) return undefined;
  const [name, args] = op;
  if (!Array.isArray(args)) return undefined;
  if (name === 'ageFromIdNumber' && args.length === 2 && single(args[1])?.[1] === '$today' && single(args[1])?.[0] === 'var') {
    const source = varOf(args[0]);
    return source ? { kind: 'age', source } : undefined;
  }
  if (name === 'birthDateFromIdNumber' && args.length === 1) {
    const source = varOf(args[0]);
    return source ? { kind: 'birthDate', source } : undefined;
  }
  if (ARITHMETIC.has(name) && args.length === 2) {
    const left = operandFromLogic(args[0]);
    const right = operandFromLogic(args[1]);
    return left && right ? { kind: 'arithmetic', op: name as Arithmetic, left, right } : undefined;
  }
  if (name === 'if' && args.length === 3 && isScalar(args[1]) && isScalar(args[2])) {
    return { kind: 'conditional', when: args[0], then: args[1], else: args[2] };
  }
  return undefined;
}
