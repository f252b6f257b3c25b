import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AddMemberRequest, AssignTagRequest, CreateHouseholdRequest, EndMembershipRequest, HouseholdListQuery, TagParam, UpdateHouseholdRequest, UpdatePersonRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { HouseholdViews } from './household-views.js';
import { HouseholdsService } from './households.service.js';

/** 一户一档 for grid staff (grid workers: their grids; organisers and admins: their community). */
@ApiTags('grid')
@ApiBearerAuth()
@Controller('org/grid')
export class HouseholdsController {
  constructor(
    private readonly ledger: HouseholdsService,
    private readonly views: HouseholdViews,
  ) {}

  @Access('grid')
  @Get('households')
  list(@CurrentActor() actor: Actor, @QueryInput(HouseholdListQuery) q: HouseholdListQuery) {
    return this.views.list(actor, q);
  }

  @Access('grid')
  @Post('households')
  async create(@CurrentActor() actor: Actor, @Input(CreateHouseholdRequest) dto: CreateHouseholdRequest) {
    return { id: (await this.ledger.create(actor, dto)).id };
  }

  /** The full file: every member's fields unmasked, recorded in the audit trail for each of them. */
  @Access('grid')
  @Get('households/:id')
  file(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.views.file(actor, id);
  }

  @Access('grid')
  @Patch('households/:id')
  async update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(UpdateHouseholdRequest) dto: UpdateHouseholdRequest) {
    await this.ledger.update(actor, id, dto);
    return { ok: true };
  }

  @Access('grid')
  @Post('households/:id/members')
  async addMember(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(AddMemberRequest) dto: AddMemberRequest) {
    await this.ledger.addMember(actor, id, dto);
    return { ok: true };
  }

  /** Moving out or death: an end date on the membership, never a delete. */
  @Access('grid')
  @Post('households/:id/members/:userId/end')
  @HttpCode(200)
  async endMember(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Param('userId', IdPipe) userId: string, @Input(EndMembershipRequest) dto: EndMembershipRequest) {
    await this.ledger.endMember(actor, id, userId, dto);
    return { ok: true };
  }

  @Access('grid')
  @Patch('persons/:userId')
  async updatePerson(@CurrentActor() actor: Actor, @Param('userId', IdPipe) userId: string, @Input(UpdatePersonRequest) dto: UpdatePersonRequest) {
    await this.ledger.updatePerson(actor, userId, dto);
    return { ok: true };
  }

  @Access('grid')
  @Post('persons/:userId/tags')
  async assignTag(@CurrentActor() actor: Actor, @Param('userId', IdPipe) userId: string, @Input(AssignTagRequest) dto: AssignTagRequest) {
    await this.ledger.assignTag(actor, userId, dto);
    return { ok: true };
  }

  @Access('grid')
  @Post('persons/:userId/tags/:tag/remove')
  @HttpCode(200)
  async removeTag(@CurrentActor() actor: Actor, @Param('userId', IdPipe) userId: string, @Param('tag') tag: string, @Body() _body: unknown) {
    const parsed = TagParam.safeParse(tag);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', [{ field: 'tag', message: '标签不在可选范围内' }]);
    await this.ledger.removeTag(actor, userId, parsed.data);
    return { ok: true };
  }
}
