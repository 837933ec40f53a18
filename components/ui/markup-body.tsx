import type { Markup } from "@/lib/html/markup";

/** A table body whose rows were built as markup (lib/html/markup.ts): React passes them through as they are.
 *  Their links are `softLink`s (SoftLinks turns a click on one into a client-side navigation). */
export function MarkupBody({ rows, className }: { rows: Markup; className?: string }) {
  return <tbody className={className} dangerouslySetInnerHTML={{ __html: rows.html }} />;
}
