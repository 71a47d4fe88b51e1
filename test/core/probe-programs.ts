// Programs that print the UTF-8 bytes of each literal as a hex line starting with "=". Used by
// the escaper tests to let each real language judge its own literals.
import type { EscaperName } from '../../src/render/escapers/index.ts'

export interface Probe {
  escaper: EscaperName
  toolchain: string
  file: string
  command: string[]
  program(literals: string[], comments: string[]): string
}

/** Interleaves each value's comment before it, indented, one item per line. */
function items(literals: string[], comments: string[], indent: string, sep: string): string {
  return literals
    .map((lit, i) => `${(comments[i] ?? '').split('\n').map((c) => indent + c).join('\n')}\n${indent}${lit}${sep}`)
    .join('\n')
}

export const probePrograms = {
  go: {
    escaper: 'go',
    toolchain: 'go',
    file: 'main.go',
    command: ['go', 'run', 'main.go'],
    program: (lits, comments) => `package main

import (
\t"encoding/hex"
\t"fmt"
)

func main() {
\tvalues := []string{
${items(lits, comments, '\t\t', ',')}
\t}
\tfor _, v := range values {
\t\tfmt.Println("=" + hex.EncodeToString([]byte(v)))
\t}
}
`,
  },
  javascript: {
    escaper: 'javascript',
    toolchain: 'node',
    file: 'probe.mjs',
    command: ['node', 'probe.mjs'],
    program: (lits, comments) => `const values = [
${items(lits, comments, '  ', ',')}
];
for (const v of values) console.log("=" + Buffer.from(v, "utf8").toString("hex"));
`,
  },
  python: {
    escaper: 'python',
    toolchain: 'python',
    file: 'probe.py',
    command: ['python3', 'probe.py'],
    program: (lits, comments) => `values = [
${items(lits, comments, '    ', ',')}
]
for v in values:
    print("=" + v.encode("utf-8").hex())
`,
  },
  php: {
    escaper: 'php',
    toolchain: 'php',
    file: 'probe.php',
    command: ['php', 'probe.php'],
    program: (lits, comments) => `<?php
$values = [
${items(lits, comments, '    ', ',')}
];
foreach ($values as $v) {
    echo '=', bin2hex($v), "\\n";
}
`,
  },
  java: {
    escaper: 'java',
    toolchain: 'java',
    file: 'Main.java',
    command: ['java', 'Main.java'],
    program: (lits, comments) => `public class Main {
    public static void main(String[] args) {
        String[] values = {
${items(lits, comments, '            ', ',')}
        };
        for (String v : values) {
            StringBuilder line = new StringBuilder("=");
            for (byte b : v.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                line.append(String.format("%02x", b));
            }
            System.out.println(line);
        }
    }
}
`,
  },
  csharp: {
    escaper: 'csharp',
    toolchain: 'dotnet',
    file: 'app.cs',
    command: ['dotnet', 'run', 'app.cs'],
    program: (lits, comments) => `var values = new string[] {
${items(lits, comments, '    ', ',')}
};
foreach (var v in values)
{
    var hex = Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(v)).ToLowerInvariant();
    Console.WriteLine("=" + hex);
}
`,
  },
  shell: {
    escaper: 'shell',
    toolchain: 'bash',
    file: 'probe.sh',
    command: ['bash', 'probe.sh'],
    program: (lits, comments) => `values=(
${items(lits, comments, '  ', '')}
)
for v in "\${values[@]}"; do
  printf '=%s\\n' "$(printf '%s' "$v" | od -An -v -tx1 | tr -d ' \\n')"
done
`,
  },
} satisfies Record<string, Probe>
