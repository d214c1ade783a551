import { Controller, Get, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { SearchQuerySchema, SearchResultSchema, type SearchQuery } from '@wheelhouse/shared';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { SearchService } from './search.service.js';

/** Ctrl-K across clusters; the service authorizes every cluster, kind and namespace it reads. */
@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @RequirePermission('delegated')
  @ApiResponse({ status: 200, standardSchema: SearchResultSchema })
  find(@CurrentPrincipal() p: Principal, @Query({ schema: SearchQuerySchema }) q: SearchQuery) {
    return this.search.search(p, q);
  }
}
