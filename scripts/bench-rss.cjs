// Preloaded by the benchmark (node -r) to record the peak resident memory of one run.
process.on('exit', () => {
  const file = process.env.MEDINFO_BENCH_RSS_FILE;
  if (file) require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
});
