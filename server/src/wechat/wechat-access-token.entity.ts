import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../database/columns.js';

/** The app's server-side WeChat access_token, shared by every server instance through the database. */
@Entity('wechat_access_tokens')
export class WechatAccessToken {
  @PrimaryColumn({ type: 'varchar', length: 64 }) appid: string;
  @Column({ type: 'varchar', length: 512 }) token: string;
  @TimeColumn() expiresAt: Date;
  /** Set while one instance refreshes, so the others wait instead of refreshing too. */
  @TimeColumn({ nullable: true }) refreshingUntil: Date | null;
}
