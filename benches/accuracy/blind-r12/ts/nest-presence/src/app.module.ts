import { Module } from "@nestjs/common";
import { ScheduleModule } from "@nestjs/schedule";
import { ConnectionsModule } from "./connections";
import { PresenceGateway } from "./presence.gateway";
import { PresenceJobs } from "./presence.jobs";

@Module({
  imports: [ScheduleModule.forRoot(), ConnectionsModule],
  providers: [PresenceGateway, PresenceJobs],
})
export class AppModule {}
