import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn, type ColumnOptions } from 'typeorm';

/**
 * Column helpers so every entity spells types the same way on SQLite and MariaDB.
 * Times are UTC with millisecond precision.
 */
export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 26 });
export const RefColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 26, ...options });
export const TimeColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 6, ...options });
export const CreatedAt = () => CreateDateColumn({ type: 'datetime', precision: 6 });
export const UpdatedAt = () => UpdateDateColumn({ type: 'datetime', precision: 6 });
