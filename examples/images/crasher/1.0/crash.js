// Example image "crasher": prints a line, then exits with an error after a few seconds.
const after = Number(process.env.CRASH_AFTER_MS || 3000);
console.log(`crasher started at ${new Date().toISOString()}, exiting in ${after} ms`);
setTimeout(() => {
  console.error('crasher: giving up');
  process.exit(1);
}, after);
