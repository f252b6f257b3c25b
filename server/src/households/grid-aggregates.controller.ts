import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { GridAggregates } from './grid-aggregates.js';

/** 街道汇总: counts per community and grid for street, community and grid staff; no names. */
@ApiTags('grid')
@ApiBearerAuth()
@Controller('org/grid')
export class GridAggregatesController {
  constructor(private readonly aggregates: GridAggregates) {}

  @Access('organiser', 'grid')
  @Get('aggregates')
  view(@CurrentActor() actor: Actor) {
    return this.aggregates.view(actor);
  }
}
