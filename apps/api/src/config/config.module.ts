import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './env.schema.js';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const SECRET_KEY = Symbol('SECRET_KEY');

/** Config is resolved before Nest starts (it decides which database to start) and handed in as a value. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, secretKey: Buffer): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: SECRET_KEY, useValue: secretKey },
      ],
      exports: [APP_CONFIG, SECRET_KEY],
    };
  }
}
