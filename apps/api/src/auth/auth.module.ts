import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersRepository } from '../users/users.repository.js';
import { ApiTokenRepository } from './api-token.repository.js';
import { ApiTokenService } from './api-token.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { CredentialJanitor } from './credential-janitor.js';
import { LoginFailureRepository } from './login-failure.repository.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { PrincipalResolver } from './principal.resolver.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';
import { TokensController } from './tokens.controller.js';

@Module({
  controllers: [AuthController, TokensController],
  providers: [
    AuthService,
    SessionService,
    SessionRepository,
    LoginThrottleService,
    LoginFailureRepository,
    PasswordHasher,
    UsersRepository,
    ApiTokenService,
    ApiTokenRepository,
    PrincipalResolver,
    CredentialJanitor,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionService, PasswordHasher, UsersRepository, ApiTokenService, LoginThrottleService],
})
export class AuthModule {}
