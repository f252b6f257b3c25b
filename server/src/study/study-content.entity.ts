import { Column, Entity, Index } from 'typeorm';
import { CONTENT_KINDS, type ArticleBlock, type ContentKind } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/** An article, audio or video; a lesson when it belongs to a course. */
@Entity('study_contents')
@Index(['publishedAt'])
@Index(['courseId', 'lessonOrder'])
export class StudyContent {
  @IdColumn() id: string;
  @Column({ type: 'simple-enum', enum: CONTENT_KINDS }) kind: ContentKind;
  @Column({ type: 'varchar', length: 80 }) title: string;
  @Column({ type: 'varchar', length: 200, default: '' }) summary: string;
  @Column({ type: 'varchar', length: 10 }) category: string;
  @Column({ type: 'simple-json' }) body: ArticleBlock[];
  @Column({ type: 'varchar', length: 300, nullable: true }) mediaUrl: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) coverUrl: string | null;
  @Column({ type: 'int', nullable: true }) durationSeconds: number | null;
  @RefColumn({ nullable: true }) courseId: string | null;
  @Column({ type: 'int', nullable: true }) lessonOrder: number | null;
  @TimeColumn() publishedAt: Date;
  @CreatedAt() createdAt: Date;
}

@Entity('study_courses')
export class StudyCourse {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 80 }) title: string;
  @Column({ type: 'varchar', length: 200, default: '' }) summary: string;
  @CreatedAt() createdAt: Date;
}

/** 专题: contents (and optionally a quiz) an organiser assigns to a branch with a deadline. */
@Entity('study_topics')
@Index(['branchId'])
export class StudyTopic {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 500, default: '' }) description: string;
  @RefColumn() branchId: string;
  @TimeColumn() deadline: Date;
  @Column({ type: 'simple-json' }) contentIds: string[];
  @RefColumn({ nullable: true }) quizId: string | null;
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
}
