import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { LiveSockets } from './live-sockets.js';
import { StreamsGateway } from './streams.gateway.js';
import { WatchAuthorizer } from './watch-authorizer.js';

@Global()
@Module({
  imports: [AuthModule, ResourcesModule],
  providers: [StreamsGateway, WatchAuthorizer, LiveSockets],
  exports: [LiveSockets, StreamsGateway],
})
export class StreamsModule {}
