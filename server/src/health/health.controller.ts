import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/decorators.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  /** ok when the database answers; 503 otherwise so a load balancer takes the instance out. */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: Response) {
    try {
      await this.ds.query('SELECT 1');
      return { status: 'ok', database: 'ok', time: new Date().toISOString() };
    } catch {
      res.status(503);
      return { status: 'unavailable', database: 'unreachable', time: new Date().toISOString() };
    }
  }
}
