// Preloaded (`node --require`) into a helper process that runs in its own process group: Azurite
// and the Agents Playground under `npm start`, Azurite under jest. A terminal's Ctrl-C then reaches
// only the owner, which stops its helpers in order (the app drains before its storage goes away).
// The price of a separate group is that the terminal no longer ends a helper whose owner died
// without cleaning up (SIGKILL, a crash); so the helper watches the IPC channel its owner opened,
// which the kernel closes however the owner ends, and then stops itself the ordinary way.
'use strict';

if (process.channel) {
  // The channel must not keep the helper alive by itself.
  process.channel.unref();
  process.once('disconnect', () => {
    process.kill(process.pid, 'SIGTERM');
    // A helper whose SIGTERM handler hangs is not left behind either.
    setTimeout(() => process.exit(1), 10_000).unref();
  });
}
