import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnswerRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input } from '../common/validation.js';
import { QuizService } from './quiz.service.js';

@ApiTags('quizzes')
@ApiBearerAuth()
@Controller()
export class QuizController {
  constructor(private readonly quizzes: QuizService) {}

  @Access('self')
  @Get('quizzes')
  available(@CurrentActor() actor: Actor) {
    return this.quizzes.available(actor);
  }

  @Access('self')
  @Post('quizzes/daily/attempts')
  daily(@CurrentActor() actor: Actor) {
    return this.quizzes.startDaily(actor);
  }

  @Access('self')
  @Post('quizzes/challenge/attempts')
  challenge(@CurrentActor() actor: Actor) {
    return this.quizzes.startChallenge(actor);
  }

  @Access('street')
  @Post('quizzes/:id/attempts')
  special(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.quizzes.startQuiz(actor, id);
  }

  @Access('self')
  @Get('quiz-attempts/:id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.quizzes.get(actor, id);
  }

  @Access('self')
  @Post('quiz-attempts/:id/answers')
  @HttpCode(200)
  answer(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(AnswerRequest) dto: AnswerRequest) {
    return this.quizzes.answer(actor, id, dto);
  }

  @Access('self')
  @Post('quiz-attempts/:id/finish')
  @HttpCode(200)
  finish(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.quizzes.finish(actor, id);
  }
}
