import type { PluginInitializerContext } from '@kbn/core/server';

export async function plugin(initializerContext: PluginInitializerContext) {
  const { AnnotationsPlugin } = await import('./plugin');
  return new AnnotationsPlugin(initializerContext);
}
