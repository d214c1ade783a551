import { AppError } from '../errors/app-error.js';

/**
 * Cheap linear pre-scans of user-supplied JSON and YAML text, run before the real parser. Parse cost is not
 * linear in size: a 1 MB body of nested brackets took yaml ~3 s (and then overflowed the stack), 1 MB of a flat list
 * ~4 s, and yaml's duplicate-key check is quadratic in the keys of one mapping. The scans over-approximate, which
 * can only refuse an unusual document, never admit an expensive one.
 */
export interface YamlLimits {
  /** Nested collections: indentation levels, `- - - x`, `[[[…]]]`, `{a: {a: …}}`. */
  depth: number;
  /** Lines, flow items and indicators: an upper bound on the nodes yaml builds. */
  entries: number;
}

/** Kubernetes objects (CRD schemas included) stay far below this; Kubernetes itself refuses beyond 10,000. */
export const JSON_LIMITS = { depth: 128 };
/**
 * A kubeconfig of a few hundred contexts is far below these (about two entries a line). yaml builds ~10k nodes in
 * ~100 ms here, and its duplicate-key check is quadratic in one mapping's keys (10k keys: ~0.8 s; 4k: ~0.14 s).
 */
export const YAML_LIMITS: YamlLimits = { depth: 64, entries: 8_000 };

const tooComplex = (what: string) => new AppError('PAYLOAD_TOO_COMPLEX', `The ${what} is nested too deeply or has too many entries to be parsed`);

/** Throws PAYLOAD_TOO_COMPLEX when JSON text nests deeper than `limits.depth` (strings are skipped). */
export function assertJsonWithin(text: string, limits = JSON_LIMITS, what = 'request body'): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string, escapes included.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limits.depth) throw tooComplex(what);
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
}

/**
 * Throws PAYLOAD_TOO_COMPLEX when YAML text may exceed the limits. Deliberately context-free, so no quoting or
 * plain-scalar trick can hide structure from it: every YAML node needs a line break, `,`, `[`, `{` or an indicator
 * (`- `, `? `, `: `), so counting those everywhere bounds the nodes yaml would build (text inside scalars only
 * over-counts). Nesting: a stack of indentations (as Python's tokenizer keeps), one more level per compact indicator
 * (`- - - x`), plus the open flow brackets. Brackets inside quoted strings can hide flow depth from this count; the
 * entry bound still holds then, and yaml's own stack-overflow error is reported as an invalid document.
 */
export function assertYamlWithin(text: string, limits: YamlLimits = YAML_LIMITS, what = 'document'): void {
  const indents: number[] = [];
  let entries = 0;
  let flow = 0;
  for (const line of text.split('\n')) {
    let col = 0;
    while (col < line.length && isSpace(line.charCodeAt(col))) col++;
    if (col >= line.length || line.charCodeAt(col) === 0x0d) continue;
    entries++;
    for (let at = col; ; ) {
      while (indents.length > 0 && indents[indents.length - 1]! >= at) indents.pop();
      indents.push(at);
      if (!isIndicator(line, at)) break;
      for (at++; at < line.length && isSpace(line.charCodeAt(at)); ) at++;
    }
    for (let i = col; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 0x2c) entries++;
      else if (c === 0x5b || c === 0x7b) {
        entries++;
        flow++;
        if (indents.length + flow > limits.depth) throw tooComplex(what);
      } else if (c === 0x5d || c === 0x7d) flow = Math.max(0, flow - 1);
      else if (isIndicator(line, i)) entries++;
    }
    if (entries > limits.entries || indents.length + flow > limits.depth) throw tooComplex(what);
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x09;

/** `- `, `? ` or `: ` (also at the line's end). */
function isIndicator(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  if (c !== 0x2d && c !== 0x3f && c !== 0x3a) return false;
  const next = line.charCodeAt(at + 1);
  return Number.isNaN(next) || isSpace(next) || next === 0x0d;
}
