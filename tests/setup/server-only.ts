// Empty stand-in for the `server-only` package inside Vitest (tests are server code).
export {};
