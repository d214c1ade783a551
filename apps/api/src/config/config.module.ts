import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './env.schema.js';
import { SecretCipher } from './secret-cipher.js';

import { APP_CONFIG, SECRET_KEY } from './tokens.js';

export { APP_CONFIG, SECRET_KEY };

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
        SecretCipher,
      ],
      exports: [APP_CONFIG, SECRET_KEY, SecretCipher],
    };
  }
}
