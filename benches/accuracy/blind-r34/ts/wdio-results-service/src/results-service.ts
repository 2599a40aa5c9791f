import { MongoClient, type Collection } from 'mongodb';
import type { Capabilities, Frameworks, Services } from '@wdio/types';

interface ResultsOptions {
  runId: string;
}

// Worker service: WDIO creates one instance per worker process (one per spec
// file). The client is opened in before() and closed in after().
export default class ResultsService implements Services.ServiceInstance {
  private client?: MongoClient;
  private results?: Collection;
  private browserName = 'unknown';

  constructor(private readonly options: ResultsOptions) {}

  async before(capabilities: Capabilities.RemoteCapability) {
    this.browserName = (capabilities as WebdriverIO.Capabilities).browserName ?? 'unknown';
    this.client = new MongoClient(process.env.E2E_RESULTS_MONGO_URL ?? 'mongodb://localhost:27017', {
      maxPoolSize: 2,
    });
    await this.client.connect();
    this.results = this.client.db('e2e').collection('test_results');
  }

  async afterTest(test: Frameworks.Test, _context: unknown, result: Frameworks.TestResult) {
    await this.results?.insertOne({
      runId: this.options.runId,
      browser: this.browserName,
      file: test.file,
      title: test.fullTitle,
      passed: result.passed,
      durationMs: result.duration,
      error: result.error?.message ?? null,
      at: new Date(),
    });
  }

  async after() {
    await this.client?.close();
  }
}
