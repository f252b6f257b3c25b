import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { QuizController } from './quiz.controller.js';
import { QuizRepository } from './quiz.repository.js';
import { QuizService } from './quiz.service.js';
import { StudyClock, StudySettings } from './study-settings.js';
import { StudyController } from './study.controller.js';
import { StudyRepository } from './study.repository.js';
import { StudyService } from './study.service.js';
import { TopicService } from './topic.service.js';
import type { Domain } from '../common/domain.js';
import { StudyContent, StudyCourse, StudyTopic } from './study-content.entity.js';
import { StudyProgress, StudySession } from './study-session.entity.js';
import { Quiz, QuizAnswer, QuizAttempt, QuizQuestion } from './quiz.entity.js';
import { STUDY_SEED } from './study.seed.js';

export const STUDY: Domain = {
  controllers: [StudyController, QuizController],
  providers: [
    StudyRepository,
    QuizRepository,
    StudyService,
    QuizService,
    TopicService,
    { provide: StudySettings, useFactory: (config: AppConfig) => new StudySettings(config), inject: [APP_CONFIG] },
    { provide: StudyClock, useFactory: () => new StudyClock() },
  ],
  entities: [StudyContent, StudyCourse, StudyTopic, StudySession, StudyProgress, QuizQuestion, Quiz, QuizAttempt, QuizAnswer],
  seed: STUDY_SEED,
};
