import type {
  CoreSetup,
  CoreStart,
  Logger,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/server';
import { registerRoutes } from './routes';

export class AnnotationsPlugin implements Plugin {
  private readonly logger: Logger;

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
  }

  public setup(core: CoreSetup) {
    const router = core.http.createRouter();
    registerRoutes(router, this.logger);
    this.logger.debug('acmeAnnotations: routes registered');
    return {};
  }

  public start(_core: CoreStart) {
    return {};
  }

  public stop() {}
}
