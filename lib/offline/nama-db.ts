// The name of the phone's offline store (IndexedDB), apart from lib/offline/store.ts so that a page can
// ask whether the store exists without loading it.
export const NAMA_DB = "pantau-luring";
