import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InboxQuery, MarkReadRequest, SubscriptionGrantRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { Input, QueryInput } from '../common/validation.js';
import { NotificationService } from './notification.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Access('self')
  @Get('inbox')
  inbox(@CurrentActor() actor: Actor, @QueryInput(InboxQuery) q: InboxQuery) {
    return this.notifications.inbox(actor.userId, q.limit, q.cursor);
  }

  @Access('self')
  @Get('unread')
  unread(@CurrentActor() actor: Actor) {
    return this.notifications.unread(actor.userId);
  }

  @Access('self')
  @Post('read')
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @Input(MarkReadRequest) dto: MarkReadRequest) {
    return this.notifications.markRead(actor.userId, dto.ids);
  }

  @Access('self')
  @Get('subscriptions')
  grants(@CurrentActor() actor: Actor) {
    return this.notifications.grants(actor.userId);
  }

  /** The mini-program reports what `wx.requestSubscribeMessage` answered. */
  @Access('self')
  @Post('subscriptions')
  @HttpCode(200)
  record(@CurrentActor() actor: Actor, @Input(SubscriptionGrantRequest) dto: SubscriptionGrantRequest) {
    return this.notifications.recordGrants(actor.userId, dto);
  }
}
