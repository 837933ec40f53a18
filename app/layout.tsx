import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pantau — PWS ILP", template: "%s · Pantau" },
  description: "Pemantauan Wilayah Setempat untuk Integrasi Layanan Primer",
  // Installable app (issue 16): public/manifest.webmanifest; the service worker is registered for
  // puskesmas users only (components/offline/offline-siap.tsx).
  manifest: "/manifest.webmanifest",
  icons: { icon: "/icons/pantau-192.png", apple: "/icons/pantau-192.png" },
};

// theme-color: teal-800, the header and buttons' colour (also the manifest's theme_color).
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#115e59" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="id">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
