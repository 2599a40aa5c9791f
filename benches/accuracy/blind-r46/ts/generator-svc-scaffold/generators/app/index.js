import Generator from 'yeoman-generator';

import { loadCatalog } from '../../lib/catalog.js';
import { registerService } from '../../lib/register.js';

export default class extends Generator {
  async initializing() {
    this.catalog = await loadCatalog(
      process.env.CATALOG_MONGO_URL ?? 'mongodb://catalog.internal:27017',
    );
  }

  async prompting() {
    const { teams, takenNames } = this.catalog;
    this.answers = await this.prompt([
      {
        type: 'input',
        name: 'name',
        message: 'Service name (kebab-case)',
        validate: (value) =>
          /^[a-z][a-z0-9-]+$/.test(value) && !takenNames.has(value) ? true : 'invalid or already taken',
      },
      {
        type: 'list',
        name: 'team',
        message: 'Owning team',
        choices: teams.map((t) => ({ name: t.name, value: t.slug })),
      },
      {
        type: 'list',
        name: 'runtime',
        message: 'Runtime',
        choices: ['node20', 'node22'],
        default: 'node22',
      },
      { type: 'number', name: 'port', message: 'HTTP port', default: 8080 },
      { type: 'confirm', name: 'register', message: 'Register in the service registry now?', default: true },
    ]);
  }

  writing() {
    const ctx = { ...this.answers };
    this.fs.copyTpl(this.templatePath('package.json.ejs'), this.destinationPath('package.json'), ctx);
    this.fs.copyTpl(this.templatePath('server.ts.ejs'), this.destinationPath('src/server.ts'), ctx);
  }

  async end() {
    if (!this.answers.register) {
      this.log('Skipping registry; run `yo svc-scaffold:register` later.');
      return;
    }
    await registerService({
      registryUrl: process.env.SERVICE_REGISTRY_PG_URL,
      region: process.env.AWS_REGION ?? 'eu-west-1',
      service: this.answers,
    });
    this.log(`Registered ${this.answers.name} for team ${this.answers.team}.`);
  }
}
