declare global {
  namespace ioBroker {
    interface AdapterConfig {
      databaseUrl: string;
      pumpHost: string;
      pollSeconds: number;
      watchedPattern: string;
    }
  }
}

export {};
