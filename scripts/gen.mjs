// `npm run gen`: brings dist/ up to date, then runs `polysnip gen` with the given arguments, in
// one process, since a second Node start-up was a fifth of the command's time.
await import('./build-lib.mjs')
const { main } = await import('../dist/cli/cli.js')

process.exitCode = await main(process.argv.slice(2))
