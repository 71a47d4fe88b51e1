/**
 * Output files by path, where a file's text may be given as a loader that runs the first time
 * the text is read. The generation cache fills it with loaders for the files of unchanged specs,
 * so a run that finds those files already on disk never reads their text at all.
 */
export class OutputFiles extends Map<string, string> {
  private readonly loaders = new Map<string, () => string>()

  /** Adds a file whose text `load` gives when first asked for. */
  setLazy(path: string, load: () => string): this {
    super.set(path, '')
    this.loaders.set(path, load)
    return this
  }

  override get(path: string): string | undefined {
    const load = this.loaders.get(path)
    if (load) {
      super.set(path, load())
      this.loaders.delete(path)
    }
    return super.get(path)
  }

  override set(path: string, text: string): this {
    this.loaders?.delete(path)
    return super.set(path, text)
  }

  override delete(path: string): boolean {
    this.loaders.delete(path)
    return super.delete(path)
  }

  override clear(): void {
    this.loaders.clear()
    super.clear()
  }

  // Every way of reading values goes through get(), so no caller ever sees a placeholder.
  override *entries(): MapIterator<[string, string]> {
    for (const path of super.keys()) yield [path, this.get(path) as string]
  }

  override *values(): MapIterator<string> {
    for (const path of super.keys()) yield this.get(path) as string
  }

  override [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries()
  }

  override forEach(fn: (text: string, path: string, map: Map<string, string>) => void, self?: unknown): void {
    for (const [path, text] of this.entries()) fn.call(self, text, path, this)
  }
}
