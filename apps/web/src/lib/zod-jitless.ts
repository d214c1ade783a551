import { z } from 'zod';

// zod compiles object parsers with `new Function` after probing `Function('')`; under the console's CSP (no
// 'unsafe-eval') the probe fails safely but the browser reports a CSP violation on every page. Jitless parsing is
// plenty fast for API responses and forms, and keeps the policy report clean. Imported once, first, by Providers.
z.config({ jitless: true });
