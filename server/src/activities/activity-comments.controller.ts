import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CommentModeration } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input } from '../common/validation.js';
import { ActivityRatingService } from './activity-rating.service.js';

/** Comments after an activity: read by everyone once passed, moderated by the organiser while held. */
@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivityCommentsController {
  constructor(private readonly ratings: ActivityRatingService) {}

  @Access('street')
  @Get(':id/comments')
  comments(@Param('id', IdPipe) id: string) {
    return this.ratings.comments(id);
  }

  @Access('manager')
  @Get(':id/ratings')
  forOrganiser(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.ratings.forOrganiser(actor, id);
  }

  @Access('manager')
  @Post('ratings/:ratingId/moderation')
  @HttpCode(200)
  moderate(@CurrentActor() actor: Actor, @Param('ratingId', IdPipe) ratingId: string, @Input(CommentModeration) dto: CommentModeration) {
    return this.ratings.moderate(actor, ratingId, dto.decision);
  }
}
