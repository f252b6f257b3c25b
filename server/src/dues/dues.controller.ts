import { Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BillAdjustRequest, billingMonthOf, BoardQuery, DuesProfileUpdate, GenerateBillsRequest, RemindRequest, type MyDuesView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { ReceiptsService } from '../payments/receipts.service.js';
import { DuesService } from './dues.service.js';
import { clock } from '../common/clock.js';

@ApiTags('dues')
@ApiBearerAuth()
@Controller('dues')
export class DuesController {
  constructor(
    private readonly dues: DuesService,
    private readonly receipts: ReceiptsService,
  ) {}

  @Access('self')
  @Get('me')
  async mine(@CurrentActor() actor: Actor): Promise<MyDuesView> {
    const [own, receipts] = await Promise.all([this.dues.mine(actor), this.receipts.ofMember(actor.userId)]);
    return { ...own, receipts };
  }

  @Access('treasurer')
  @Get('branches')
  branches(@CurrentActor() actor: Actor) {
    return this.dues.branches(actor);
  }

  @Access('treasurer')
  @Get('branches/:branchId/profiles')
  profiles(@CurrentActor() actor: Actor, @Param('branchId', IdPipe) branchId: string) {
    return this.dues.profiles(actor, branchId);
  }

  @Access('treasurer')
  @Put('profiles/:userId')
  setProfile(@CurrentActor() actor: Actor, @Param('userId', IdPipe) userId: string, @Input(DuesProfileUpdate) dto: DuesProfileUpdate) {
    return this.dues.setProfile(actor, userId, dto);
  }

  @Access('treasurer')
  @Post('branches/:branchId/bills')
  @HttpCode(200)
  generate(@CurrentActor() actor: Actor, @Param('branchId', IdPipe) branchId: string, @Input(GenerateBillsRequest) dto: GenerateBillsRequest) {
    return this.dues.generate(actor, branchId, dto.month);
  }

  @Access('treasurer')
  @Get('branches/:branchId/board')
  board(@CurrentActor() actor: Actor, @Param('branchId', IdPipe) branchId: string, @QueryInput(BoardQuery) q: BoardQuery) {
    return this.dues.board(actor, branchId, q.month ?? billingMonthOf(clock.now()));
  }

  @Access('treasurer')
  @Post('branches/:branchId/reminders')
  @HttpCode(200)
  remind(@CurrentActor() actor: Actor, @Param('branchId', IdPipe) branchId: string, @Input(RemindRequest) dto: RemindRequest) {
    return this.dues.remind(actor, branchId, dto.month);
  }

  @Access('treasurer')
  @Patch('bills/:id')
  adjust(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(BillAdjustRequest) dto: BillAdjustRequest) {
    return this.dues.adjust(actor, id, dto);
  }
}
