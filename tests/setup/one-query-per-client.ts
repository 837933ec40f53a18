// A pg client runs one query at a time: a second query sent while one runs is queued by pg 8 with a
// DeprecationWarning ("Calling client.query() when the client is already executing a query"), and pg 9
// will refuse it. In the integration tests that warning fails the run (an uncaught error), so a new
// Promise.all over one client's queries is found here rather than by the upgrade.
process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning" && /already executing a query/.test(warning.message)) {
    throw new Error(`Dua kueri sekaligus pada satu klien pg: ${warning.message}\n${warning.stack ?? ""}`);
  }
});
