/**
 * Closes a server on Ctrl-C or SIGTERM (once), then exits: 0 when it closed cleanly, 1 otherwise.
 * Every `main()` of the repository stops this way; `createXxx()` functions never install handlers,
 * so tests and the dev stack stop servers themselves.
 */
export function stopOnSignals(server: { close(): Promise<void> }, onStop?: (signal: NodeJS.Signals) => void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    onStop?.(signal);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
