/**
 * `?a=1&b=` from an object: undefined and null are left out, empty strings are kept (the explainer needs
 * `group=` for the core API group). Returns '' when nothing is left.
 */
export function toQueryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Trims strings and drops the empty ones: form filters where "" means "any". */
export function compactFilters<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: T[K] } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const trimmed = typeof value === 'string' ? value.trim() : value;
    if (trimmed !== undefined && trimmed !== null && trimmed !== '') {
      out[key] = trimmed;
    }
  }
  return out as { [K in keyof T]?: T[K] };
}
