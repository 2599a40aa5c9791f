import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { neo4jProvider, Neo4jShutdown } from './neo4j.provider';
import { ProductLoaders } from './products/product.loaders';
import { ProductResolver } from './products/product.resolver';

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      context: ({ req }) => ({ req }),
    }),
  ],
  providers: [neo4jProvider, Neo4jShutdown, ProductLoaders, ProductResolver],
})
export class AppModule {}
