import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MallItemCreate, MallItemUpdate, MallRestock, PickupRequest, RedeemRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { MallService } from './mall.service.js';

@ApiTags('points mall')
@ApiBearerAuth()
@Controller()
export class MallController {
  constructor(private readonly mall: MallService) {}

  @Access('self')
  @Get('mall/items')
  items(@CurrentActor() actor: Actor) {
    return this.mall.items(actor);
  }

  @Access('self')
  @Post('mall/items/:id/redeem')
  redeem(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(RedeemRequest) dto: RedeemRequest) {
    return this.mall.redeem(actor, id, dto.requestKey);
  }

  @Access('self')
  @Get('mall/redemptions')
  mine(@CurrentActor() actor: Actor) {
    return this.mall.mine(actor);
  }

  @Access('self')
  @Post('mall/redemptions/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.mall.cancel(actor, id);
  }

  @Access('organiser')
  @Get('org/mall/items')
  orgItems(@CurrentActor() actor: Actor) {
    return this.mall.orgItems(actor);
  }

  @Access('organiser')
  @Post('org/mall/items')
  create(@CurrentActor() actor: Actor, @Input(MallItemCreate) dto: MallItemCreate) {
    return this.mall.create(actor, dto);
  }

  @Access('organiser')
  @Patch('org/mall/items/:id')
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(MallItemUpdate) dto: MallItemUpdate) {
    return this.mall.update(actor, id, dto);
  }

  @Access('organiser')
  @Post('org/mall/items/:id/restock')
  @HttpCode(200)
  restock(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(MallRestock) dto: MallRestock) {
    return this.mall.restock(actor, id, dto.add);
  }

  @Access('organiser')
  @Get('org/mall/pickups')
  lookup(@CurrentActor() actor: Actor, @QueryInput(PickupRequest) q: PickupRequest) {
    return this.mall.lookupPickup(actor, q.code);
  }

  @Access('organiser')
  @Post('org/mall/pickups')
  @HttpCode(200)
  pickup(@CurrentActor() actor: Actor, @Input(PickupRequest) dto: PickupRequest) {
    return this.mall.pickup(actor, dto.code);
  }
}
