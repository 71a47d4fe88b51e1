// Preloaded into a measured child (`node --import`): on exit it appends the process's peak
// resident set size in kilobytes, then its user and system CPU time in microseconds, to the file
// named by POLYSNIP_BENCH_RSS.
import { appendFileSync } from 'node:fs'

const file = process.env.POLYSNIP_BENCH_RSS
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}\n`)
  })
}
