import { describe, expect, it } from "vitest";
import { staticCopyHtml, stylesheetPaths } from "@/scripts/bench/static-floor";

// The head and body as Next.js writes them (abridged): chunk scripts, the loader of scripts-after-paint,
// preloads, the inline RSC payload, a stylesheet and a manifest.
const PAGE =
  '<!DOCTYPE html><html lang="id"><head><meta charSet="utf-8"/><script>(function(s,p,w){})(["/_next/static/chunks/a.js"],[],[])</script>' +
  '<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>' +
  '<script src="/_next/static/chunks/c.js" async=""></script><link rel="manifest" href="/manifest.webmanifest"/>' +
  '<title>Dasbor</title></head><body><main><h1>Anyar</h1><svg role="img"><path d="M0 0"/></svg></main>' +
  '<script>self.__next_f.push([1,"0:{\\"a\\":1}"])</script><SCRIPT type="text/javascript">x()</SCRIPT></body></html>';

describe("static copy of a page (the content floor of the bench)", () => {
  it("removes every script, script preload and the manifest; keeps the markup and the stylesheet", () => {
    const html = staticCopyHtml(PAGE);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("b.js");
    expect(html).not.toContain("manifest");
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>');
    expect(html).toContain('<main><h1>Anyar</h1><svg role="img"><path d="M0 0"/></svg></main>');
    expect(html).toContain("<title>Dasbor</title>");
  });

  it("lists the same-origin stylesheets to copy", () => {
    expect(stylesheetPaths(PAGE)).toEqual(["/_next/static/chunks/app.css"]);
  });
});
