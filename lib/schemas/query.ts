// Query strings: a parameter given more than once counts with its first value everywhere (pages, API,
// exports), as URLSearchParams.get reads it; a page never turns a repeated parameter into a 404.

export type SearchParams = Record<string, string | string[] | undefined>;

export function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Every parameter of a page's `searchParams` with its first value. */
export function firstParams<K extends string>(params: Partial<Record<K, string | string[]>>): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, firstOf(v as string | string[] | undefined)])) as Partial<Record<K, string>>;
}

/** A request URL's query with the first value of each parameter (Object.fromEntries would keep the last). */
export function queryOf(url: string): Record<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of new URL(url).searchParams) if (!out.has(k)) out.set(k, v);
  return Object.fromEntries(out);
}
