import { Module } from '@nestjs/common';
import { UsersRepository } from '../users/users.repository.js';
import { TeamsController } from './teams.controller.js';
import { TeamsRepository } from './teams.repository.js';
import { TeamsService } from './teams.service.js';

@Module({ controllers: [TeamsController], providers: [TeamsService, TeamsRepository, UsersRepository] })
export class TeamsModule {}
