"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { SOFT_LINK } from "@/lib/html/markup";

/**
 * Client-side navigation for the plain links of server-built rows (`softLink` of lib/html/markup.ts): a
 * plain left click on one goes through the router, as a next/link does; a modified click (new tab, download),
 * a link to another origin and every click before hydration stay with the browser, a full page load that
 * works without JavaScript.
 */
export function SoftLinks() {
  const router = useRouter();
  useEffect(() => {
    function onClick(e: MouseEvent) {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest(`a[${SOFT_LINK}]`) : null;
      if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== "_self") || a.hasAttribute("download")) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      e.preventDefault();
      router.push(url.pathname + url.search + url.hash);
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}
