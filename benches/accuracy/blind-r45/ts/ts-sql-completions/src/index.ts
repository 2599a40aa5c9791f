import type tsModule from 'typescript/lib/tsserverlibrary'
import { currentSchema, disposeSchemaClient, type PluginConfig } from './schema'

const SQL_TAG = /sql`([^`]*)$/s
const TABLE_REF = /\b(?:from|join|update|into)\s+(\w+)/gi

function init(modules: { typescript: typeof tsModule }) {
  const ts = modules.typescript
  let config: PluginConfig = {}

  function create(info: tsModule.server.PluginCreateInfo): tsModule.LanguageService {
    config = { ...config, ...(info.config as PluginConfig) }
    const log = (msg: string) => info.project.projectService.logger.info(msg)
    log('ts-sql-completions: plugin created for ' + info.project.getProjectName())

    const proxy: tsModule.LanguageService = Object.create(null)
    for (const k of Object.keys(info.languageService) as Array<keyof tsModule.LanguageService>) {
      const x = info.languageService[k]!
      // @ts-expect-error - generic forwarding of every language service method
      proxy[k] = (...args: Array<{}>) => x.apply(info.languageService, args)
    }

    // Called on every completion request (every few keystrokes in the editor).
    proxy.getCompletionsAtPosition = (fileName, position, options, formattingSettings) => {
      const prior = info.languageService.getCompletionsAtPosition(fileName, position, options, formattingSettings)
      const text = info.languageService.getProgram()?.getSourceFile(fileName)?.getFullText()
      if (!text) return prior
      const match = SQL_TAG.exec(text.slice(Math.max(0, position - 2000), position))
      if (!match) return prior

      const schema = currentSchema(config, log)
      const tables = [...match[1].matchAll(TABLE_REF)].map((m) => m[1].toLowerCase())
      const entries: tsModule.CompletionEntry[] = []
      for (const table of tables) {
        for (const col of schema.get(table) ?? []) {
          entries.push({ name: col, kind: ts.ScriptElementKind.memberVariableElement, kindModifiers: '', sortText: '0' + col })
        }
      }
      if (entries.length === 0) return prior
      return {
        isGlobalCompletion: false,
        isMemberCompletion: false,
        isNewIdentifierLocation: false,
        entries: [...entries, ...(prior?.entries ?? [])],
      }
    }

    // Called on every edit for open files.
    proxy.getSemanticDiagnostics = (fileName) => {
      const prior = info.languageService.getSemanticDiagnostics(fileName)
      const sourceFile = info.languageService.getProgram()?.getSourceFile(fileName)
      if (!sourceFile) return prior
      const schema = currentSchema(config, log)
      if (schema.size === 0) return prior
      const extra: tsModule.Diagnostic[] = []
      const text = sourceFile.getFullText()
      for (const m of text.matchAll(/sql`[^`]*`/g)) {
        for (const ref of m[0].matchAll(TABLE_REF)) {
          if (!schema.has(ref[1].toLowerCase())) {
            extra.push({
              file: sourceFile,
              start: (m.index ?? 0) + (ref.index ?? 0),
              length: ref[0].length,
              category: ts.DiagnosticCategory.Warning,
              code: 93001,
              messageText: `Unknown table "${ref[1]}" (ts-sql-completions)`,
            })
          }
        }
      }
      return [...prior, ...extra]
    }

    return proxy
  }

  function onConfigurationChanged(next: PluginConfig): void {
    config = { ...config, ...next }
    disposeSchemaClient()
  }

  return { create, onConfigurationChanged }
}

export = init
