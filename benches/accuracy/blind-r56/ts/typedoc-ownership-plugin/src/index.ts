import {
  Application,
  Context,
  Converter,
  DeclarationReflection,
  ParameterType,
  ReflectionKind,
  RendererEvent,
} from 'typedoc';
import { annotateOwners } from './ownership.js';
import { annotateDeprecations } from './deprecations.js';
import { publishCoverage } from './coverage.js';

declare module 'typedoc' {
  export interface TypeDocOptionMap {
    ownershipApi: string;
    deprecationsDb: string;
    coverageDb: string;
  }
}

export function load(app: Application): void {
  app.options.addDeclaration({
    name: 'ownershipApi',
    help: 'Base URL of the service catalog used to resolve owning teams.',
    type: ParameterType.String,
    defaultValue: 'https://catalog.internal.acme.dev',
  });
  app.options.addDeclaration({
    name: 'deprecationsDb',
    help: 'Postgres URL of the API governance database.',
    type: ParameterType.String,
    defaultValue: '',
  });
  app.options.addDeclaration({
    name: 'coverageDb',
    help: 'Postgres URL where documentation coverage is recorded.',
    type: ParameterType.String,
    defaultValue: '',
  });

  let undocumented = 0;
  let documented = 0;

  app.converter.on(Converter.EVENT_BEGIN, () => {
    undocumented = 0;
    documented = 0;
  });

  app.converter.on(
    Converter.EVENT_CREATE_DECLARATION,
    (_context: Context, reflection: DeclarationReflection) => {
      if (!reflection.kindOf(ReflectionKind.SomeExport)) return;
      if (reflection.comment?.summary.length) documented++;
      else undocumented++;
    },
  );

  app.renderer.preRenderAsyncJobs.push(async (event: RendererEvent) => {
    const apiBase = app.options.getValue('ownershipApi');
    await annotateOwners(event.project, apiBase, app.logger);

    const govUrl = app.options.getValue('deprecationsDb');
    if (govUrl) await annotateDeprecations(event.project, govUrl, app.logger);
  });

  app.renderer.postRenderAsyncJobs.push(async (event: RendererEvent) => {
    const url = app.options.getValue('coverageDb');
    if (!url) return;
    await publishCoverage(url, {
      project: event.project.name,
      version: event.project.packageVersion ?? 'unversioned',
      documented,
      undocumented,
    });
  });
}
