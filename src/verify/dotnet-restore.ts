/**
 * NuGet packages for `dotnet run app.cs`, restored once per verification with the caller's own
 * environment before any C# program runs.
 *
 * A file-based C# program is a project the SDK makes on the fly, and its restore needs packages
 * (runtime packs, and the AOT compiler that file-based programs are set up for) that a fresh
 * machine does not have yet. Programs run with only the test CA trusted (environment.ts), so
 * NuGet could not reach its feed from inside a run: the first C# runs on a new machine failed
 * with "NU1301 … UntrustedRoot". Restoring here, where NuGet trusts what the user's dotnet
 * trusts, fills the user's package folder; the runs then restore from it without the network.
 * When this restore fails (no network at all), the runs report their own restore errors.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runProcess } from './process.ts'

const PROGRAM = 'System.Console.WriteLine("restored");\n'

/** Restores a one-line file-based program in `<dir>/dotnet-restore`; true when it worked. */
export async function restoreDotnetPackages(dir: string): Promise<boolean> {
  const folder = join(dir, 'dotnet-restore')
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'app.cs'), PROGRAM)
  const env = { ...process.env, DOTNET_NOLOGO: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' }
  const result = await runProcess('dotnet', ['restore', 'app.cs'], { cwd: folder, env, timeoutMs: 300_000 })
  return result.code === 0
}
