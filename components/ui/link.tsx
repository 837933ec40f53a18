import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's link: next/link without prefetching. Next.js prefetches every link that scrolls into view; a
 * kabupaten dashboard has a hundred (heatmap, ranking, children), so one page view sent dozens of RSC
 * requests, each rendering the layout and checking the session — load on the server and data and CPU on a
 * cheap phone for pages most users never open. A click still navigates without reloading the page.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
