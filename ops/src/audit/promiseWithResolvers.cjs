// Node 20 has no Promise.withResolvers (Node 22 has); the audit's subgraph server uses it.
// Preloaded (`node -r`) into that server's process only.
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
