// Markup as a string, for the long server-drawn tables of a dashboard (a row per child unit: the ranking,
// the heatmap, the completeness table). React builds, serialises (RSC) and renders every element of those
// rows: on a kabupaten page that was ~35 ms of the server's CPU per view, a third of the page. Built here,
// the rows are one string that React passes through (`dangerouslySetInnerHTML` on their <tbody>).
//
// Safe by construction: text and attribute values are always escaped; only a `Markup` (made by `el`) goes in
// unescaped, and tag and attribute names are fixed strings of the caller's code, never data.

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text or an attribute value, escaped for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/** Markup already built (and escaped) by `el`. A plain string child is text, never markup. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Child = Markup | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const NAME = /^[a-z][a-z0-9-]*$/;
const VOID = new Set(["br", "col", "hr", "img", "input", "wbr"]);

function attrText(attrs: Attrs): string {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (!NAME.test(name)) throw new Error(`Nama atribut tidak sah: ${name}`);
    if (value === null || value === undefined || value === false) continue;
    // An ARIA state is a string ("true"): a bare aria-hidden would be aria-hidden="", which hides nothing.
    out += value === true && !name.startsWith("aria-") ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** One element: attributes escaped (null, undefined and false left out; true as a bare attribute), children
 *  in order (strings and numbers as escaped text, `Markup` as it is, null/undefined/false skipped). */
export function el(tag: string, attrs: Attrs, ...children: Child[]): Markup {
  if (!NAME.test(tag)) throw new Error(`Nama elemen tidak sah: ${tag}`);
  let inner = "";
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    inner += c instanceof Markup ? c.html : escapeHtml(String(c));
  }
  if (VOID.has(tag)) {
    if (inner) throw new Error(`<${tag}> tidak boleh berisi`);
    return new Markup(`<${tag}${attrText(attrs)}>`);
  }
  return new Markup(`<${tag}${attrText(attrs)}>${inner}</${tag}>`);
}

/** Several pieces of markup as one. */
export function join(parts: readonly Markup[]): Markup {
  return new Markup(parts.map((p) => p.html).join(""));
}

const CSS_NAME = /^[a-z-]+$/;
const CSS_VALUE = /^[#\w.%-]+$/;

/** A CSS declaration list for a `style` attribute: property names and single-word values (`12.5%`,
 *  `#059669`) only, so that no value can add a declaration of its own. */
export function style(decls: Record<string, string>): string {
  return Object.entries(decls)
    .map(([k, v]) => {
      if (!CSS_NAME.test(k) || !CSS_VALUE.test(v)) throw new Error(`Deklarasi CSS tidak sah: ${k}: ${v}`);
      return `${k}:${v}`;
    })
    .join(";");
}

/** The attribute of a link that SoftLinks (components/ui/soft-links.tsx) navigates to without a page load. */
export const SOFT_LINK = "data-soft-link";

/** An app link in server-built rows: a plain `<a>` (works without JavaScript), client-side with SoftLinks. */
export function softLink(href: string, ...children: Child[]): Markup {
  return el("a", { href, [SOFT_LINK]: true }, ...children);
}
