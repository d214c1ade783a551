import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';

/**
 * Lets other domains end a user's live connections at once (disabled, signed out everywhere, password reset).
 * With the Redis adapter this reaches the user's sockets on every API instance, not just this one.
 */
@Injectable()
export class LiveSockets {
  private io: Server | null = null;

  attach(io: Server): void {
    this.io = io;
  }

  disconnectUser(userId: string): void {
    this.io?.in(`user:${userId}`).disconnectSockets(true);
  }
}
