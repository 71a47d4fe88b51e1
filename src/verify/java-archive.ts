/**
 * A class-data sharing archive for the JVM, made once per verification: a small warm-up program
 * of polysnip's own compiles in source mode and makes one HTTPS request, and the JVM saves the
 * classes it loaded (javac, java.net.http, TLS). Every Java run then maps them instead of
 * loading them, which saves about a quarter of each run's CPU time. The archive only changes
 * how fast the JVM starts; if it cannot be made, runs go on without it.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runProcess } from './process.ts'
import { startServer } from './server.ts'
import type { TestCa } from './tls.ts'

const WARM_UP = `import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

public class WarmUp {
    public static void main(String[] args) throws Exception {
        byte[] pair = "user:secret".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0]))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair))
                .POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8))
                .build();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        System.out.println(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
`

/**
 * Makes `<dir>/java-classes.jsa` with the given JVM options (trust store included); returns its
 * path, or null when the JVM could not make it.
 */
export async function makeJavaArchive(dir: string, ca: TestCa, jvmOptions: string[]): Promise<string | null> {
  const source = join(dir, 'WarmUp.java')
  const archive = join(dir, 'java-classes.jsa')
  await writeFile(source, WARM_UP)

  const server = await startServer({ key: ca.key, cert: ca.cert })
  try {
    server.reset({ status: 200, body: '{}' })
    const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C.UTF-8', JAVA_TOOL_OPTIONS: jvmOptions.join(' ') }
    delete env._JAVA_OPTIONS
    delete env.JDK_JAVA_OPTIONS
    const args = ['-Xlog:cds=off', `-XX:ArchiveClassesAtExit=${archive}`, source, server.baseUrl]
    const result = await runProcess('java', args, { cwd: dir, env, timeoutMs: 120_000 })
    return result.code === 0 && server.requests().length === 1 ? archive : null
  } finally {
    await server.close()
  }
}
