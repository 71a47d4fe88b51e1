/**
 * Where `dotnet run app.cs` keeps what it built, so that a C# program serving every vector (env
 * mode) is built by its own published command once and the other runs start the built program.
 *
 * `dotnet run app.cs` compiles a file without MSBuild when it can (well under a second), but even
 * when the build is up to date it costs about 0.25 s of CPU to start the SDK and check that.
 * `dotnet build app.cs` always goes through MSBuild: about 3 s of CPU, more than it saves. The
 * SDK (10.0) puts the build in `<local app data>/dotnet/runfile/<name>-<hash>/bin/debug/`, where
 * hash is the SHA-256 of the file's full path in upper case. If that folder is not found (another
 * SDK layout), every run keeps using `dotnet run app.cs`.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The SDK's build folder for a file-based program at `<dir>/<file>`. */
export function runfileFolder(dir: string, file: string, env: NodeJS.ProcessEnv): string {
  const full = resolve(dir, file)
  const hash = createHash('sha256').update(full.toUpperCase()).digest('hex')
  const dataHome = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share')
  return join(dataHome, 'dotnet', 'runfile', `${file.replace(/\.cs$/, '')}-${hash}`)
}

/** The command that starts the built program, or null when there is no build to reuse. */
export function builtCommand(dir: string, file: string, env: NodeJS.ProcessEnv): string[] | null {
  const name = file.replace(/\.cs$/, '')
  const output = join(runfileFolder(dir, file, env), 'bin', 'debug')
  const dll = join(output, `${name}.dll`)
  if (!existsSync(dll) || !existsSync(join(output, `${name}.runtimeconfig.json`))) return null
  return ['dotnet', dll]
}

/**
 * Removes the build of a program whose folder is about to go: every verified program lives in a
 * new temporary folder, so its build would never be used again and would pile up in the
 * user's home (two hundred folders after a few verifications).
 */
export async function removeBuild(dir: string, file: string, env: NodeJS.ProcessEnv): Promise<void> {
  await rm(runfileFolder(dir, file, env), { recursive: true, force: true })
}
