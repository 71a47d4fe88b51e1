#!/usr/bin/env node
// The polysnip command. It runs the bundle in dist/, which `npm run build:lib` makes.
import { main } from '../dist/cli/cli.js'

process.exitCode = await main(process.argv.slice(2))
